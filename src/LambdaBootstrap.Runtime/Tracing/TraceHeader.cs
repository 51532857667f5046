namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>
/// The X-Ray trace header of an invocation (<c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>):
/// the trace id, the id of the segment Lambda made for the function (the parent of the function's subsegments), and
/// whether the trace is sampled. Fields are matched by name, in any order; others (Lineage) are ignored.
/// </summary>
internal sealed record TraceHeader(string Root, string? Parent, bool Sampled)
{
    public static TraceHeader? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
            return null;
        string? root = null, parent = null;
        bool sampled = false;
        foreach (var field in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = field.IndexOf('=');
            if (equals <= 0)
                continue;
            var name = field.AsSpan(0, equals);
            var value = field[(equals + 1)..];
            if (name.Equals("Root", StringComparison.OrdinalIgnoreCase))
                root = value;
            else if (name.Equals("Parent", StringComparison.OrdinalIgnoreCase))
                parent = value;
            else if (name.Equals("Sampled", StringComparison.OrdinalIgnoreCase))
                sampled = value == "1";
        }
        return root is null ? null : new TraceHeader(root, parent, sampled);
    }

    /// <summary>
    /// The W3C trace id of <see cref="Root"/>: its 8 hex digits of time and 24 of random, together
    /// (<c>1-5759e988-bd862e3fe1be46a994272793</c> → <c>5759e988bd862e3fe1be46a994272793</c>); null if it is not that shape.
    /// </summary>
    public string? W3CTraceId
    {
        get
        {
            if (Root.Length != 35 || Root[0] != '1' || Root[1] != '-' || Root[10] != '-')
                return null;
            string id = string.Concat(Root.AsSpan(2, 8), Root.AsSpan(11, 24));
            return IsHex(id) ? id.ToLowerInvariant() : null;
        }
    }

    /// <summary><see cref="Parent"/> when it is a W3C span id (16 hex digits).</summary>
    public string? W3CParentId => Parent is { Length: 16 } p && IsHex(p) ? p.ToLowerInvariant() : null;

    private static bool IsHex(string text) => !text.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF");
}
