namespace LambdaBootstrap.Events.Http;

/// <summary>
/// A parsed route template (<c>/items/{id:int}</c>, <c>/files/{path+}</c>, <c>/{*rest}</c>): matches a path's
/// segments, and orders itself against other templates by specificity.
/// </summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(string text, RouteSegment[] segments)
    {
        Text = text;
        Segments = segments;
        var form = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            form.Append('/').Append(segment.Kind switch
            {
                RouteSegmentKind.Literal => segment.Text,
                RouteSegmentKind.Parameter => "{" + segment.Text + "}",
                _ => "{" + segment.Text + "+}",
            });
        }
        GatewayForm = form.Length == 0 ? "/" : form.ToString();
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    public RouteSegment[] Segments { get; }

    /// <summary>The template as API Gateway writes a resource or route key: no types, greedy as <c>{name+}</c>.</summary>
    public string GatewayForm { get; }

    /// <exception cref="ArgumentException">Not a template: the message says why.</exception>
    public static RouteTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('/'))
            throw Invalid(text, "it does not start with /");
        var parts = text.Length == 1 ? [] : text[1..].TrimEnd('/').Split('/');
        var segments = new RouteSegment[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            segments[i] = Segment(text, parts[i]);
            if (segments[i].Kind != RouteSegmentKind.Literal && IsParameterBefore(segments, i, segments[i].Text))
                throw Invalid(text, $"the parameter {segments[i].Text} appears twice");
            if (segments[i].Kind is RouteSegmentKind.GreedyOneOrMore or RouteSegmentKind.GreedyZeroOrMore && i != parts.Length - 1)
                throw Invalid(text, "a greedy parameter must be the last segment");
        }
        return new RouteTemplate(text, segments);
    }

    /// <summary>Whether a segment before <paramref name="end"/> is a parameter named <paramref name="name"/>.</summary>
    /// <remarks>A loop rather than a HashSet: a template has a few segments, and the set's code is a few KB more.</remarks>
    private static bool IsParameterBefore(RouteSegment[] segments, int end, string name)
    {
        for (int i = 0; i < end; i++)
        {
            if (segments[i].Kind != RouteSegmentKind.Literal && segments[i].Text == name)
                return true;
        }
        return false;
    }

    private static RouteSegment Segment(string template, string part)
    {
        if (part.Length == 0)
            throw Invalid(template, "it has an empty segment");
        if (!part.StartsWith('{'))
        {
            if (part.Contains('{') || part.Contains('}'))
                throw Invalid(template, $"the segment {part} mixes text and a parameter");
            return new(RouteSegmentKind.Literal, part, null);
        }
        if (!part.EndsWith('}'))
            throw Invalid(template, $"the segment {part} does not end with }}");
        string inner = part[1..^1];
        if (inner.StartsWith('*'))
            return new(RouteSegmentKind.GreedyZeroOrMore, Name(template, inner[1..]), null);
        if (inner.EndsWith('+'))
            return new(RouteSegmentKind.GreedyOneOrMore, Name(template, inner[..^1]), null);
        int colon = inner.IndexOf(':');
        if (colon < 0)
            return new(RouteSegmentKind.Parameter, Name(template, inner), null);
        string constraint = inner[(colon + 1)..];
        if (!RouteConstraint.IsKnown(constraint))
            throw Invalid(template, $"the type {constraint} is none of {string.Join(", ", RouteConstraint.Names)}");
        return new(RouteSegmentKind.Parameter, Name(template, inner[..colon]), constraint);
    }

    private static string Name(string template, string name)
    {
        bool valid = name.Length > 0;
        foreach (char c in name)
            valid &= char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';
        return valid ? name : throw Invalid(template, $"the parameter name \"{name}\" is not letters, digits, _ or -");
    }

    private static ArgumentException Invalid(string template, string why) =>
        new($"The route template \"{template}\" is not valid: {why}.", nameof(template));

    /// <summary>
    /// Matches the path's segments, still percent-encoded, so an encoded <c>/</c> (<c>%2F</c>) stays inside its
    /// segment; the values are decoded.
    /// </summary>
    public bool TryMatch(string[] path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < Segments.Length; i++)
        {
            var segment = Segments[i];
            if (segment.Kind is RouteSegmentKind.GreedyOneOrMore or RouteSegmentKind.GreedyZeroOrMore)
            {
                if (i >= path.Length && segment.Kind == RouteSegmentKind.GreedyOneOrMore)
                    return false;
                // Joined by index, not from a slice: slicing a string[] (RuntimeHelpers.GetSubArray) checks the
                // array's type through Type.MakeArrayType, which brings NativeAOT's type loader (~200 KB) along.
                int start = Math.Min(i, path.Length);
                values[segment.Text] = Uri.UnescapeDataString(string.Join('/', path, start, path.Length - start));
                return true;
            }
            if (i >= path.Length || path[i].Length == 0)
                return false;
            string value = Uri.UnescapeDataString(path[i]);
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!string.Equals(segment.Text, value, StringComparison.Ordinal))
                    return false;
            }
            else if (segment.Constraint is { } constraint && !RouteConstraint.Accepts(constraint, value))
            {
                return false;
            }
            else
            {
                values[segment.Text] = value;
            }
        }
        return path.Length == Segments.Length;
    }

    /// <summary>Values that API Gateway matched for this template, when they satisfy its types.</summary>
    public bool TryAccept(IReadOnlyDictionary<string, string> pathParameters, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in Segments)
        {
            if (segment.Kind == RouteSegmentKind.Literal)
                continue;
            if (!pathParameters.TryGetValue(segment.Text, out var value))
            {
                if (segment.Kind != RouteSegmentKind.GreedyZeroOrMore)
                    return false;
                value = "";
            }
            if (segment.Constraint is { } constraint && !RouteConstraint.Accepts(constraint, value))
                return false;
            values[segment.Text] = value;
        }
        return true;
    }

    /// <summary>Negative when this template is more specific than <paramref name="other"/>: segment by segment, by rank.</summary>
    public int CompareSpecificity(RouteTemplate other)
    {
        for (int i = 0; i < Math.Max(Segments.Length, other.Segments.Length); i++)
        {
            int mine = i < Segments.Length ? Segments[i].Rank : -1;
            int theirs = i < other.Segments.Length ? other.Segments[i].Rank : -1;
            if (mine != theirs)
                return mine.CompareTo(theirs);
        }
        return 0;
    }

    /// <summary>A path after its base, still encoded, as segments: <c>/a/b/</c> is <c>a</c>, <c>b</c>; <c>/</c> is none.</summary>
    public static string[] SplitPath(string encodedPath)
    {
        string trimmed = encodedPath.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }
}
