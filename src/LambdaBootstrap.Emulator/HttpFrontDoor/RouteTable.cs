using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// The routes of all of a template's APIs on one port, matched as API Gateway matches: an exact path before one
/// with variables, a <c>{name}</c> segment before a greedy <c>{name+}</c>, a method before <c>ANY</c>, and an HTTP
/// API's <c>$default</c> route last. A path may carry the API's named stage (<c>/Prod/items</c>, as deployed) or not
/// (<c>/items</c>, as <c>sam local start-api</c> serves it).
/// </summary>
internal sealed class RouteTable(IReadOnlyList<ApiRoute> routes)
{
    public IReadOnlyList<ApiRoute> Routes => routes;

    /// <summary>The best route for the request, or null with the API whose "no route" answer applies.</summary>
    public RouteMatch? Find(string method, string rawPath, out ApiDefinition? unmatchedApi)
    {
        string[] raw = Segments(rawPath);
        RouteMatch? best = null;
        int[]? bestRank = null;
        unmatchedApi = null;
        foreach (var api in routes.Select(r => r.Api).Distinct())
        {
            bool stageInPath = api.StageName != ApiDefinition.DefaultStage && raw.Length > 0 && raw[0] == api.StageName;
            if (stageInPath)
                unmatchedApi ??= api;
            // With the stage in the path and without it; the stage wins.
            foreach (bool strip in stageInPath ? [true, false] : new[] { false })
            {
                string[] segments = strip ? raw[1..] : raw;
                foreach (var route in routes.Where(r => r.Api == api))
                {
                    if (Match(route, method, segments) is not { } found)
                        continue;
                    int[] rank = [strip ? 1 : 0, .. found.Rank];
                    if (bestRank is null || Compare(rank, bestRank) > 0)
                    {
                        string path = "/" + string.Join('/', segments.Select(Uri.UnescapeDataString));
                        best = new RouteMatch(route, path, rawPath, found.Parameters);
                        bestRank = rank;
                    }
                }
            }
        }
        if (best is null)
            unmatchedApi ??= routes.Select(r => r.Api).FirstOrDefault(a => !a.IsRest) ?? routes.Select(r => r.Api).FirstOrDefault();
        return best;
    }

    /// <summary>Whether the route takes the request, with its path values and a rank: higher is more specific.</summary>
    private static (int[] Rank, Dictionary<string, string>? Parameters)? Match(ApiRoute route, string method, string[] segments)
    {
        bool anyMethod = route.Method == ApiRoute.Any;
        if (!anyMethod && !route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            return null;
        if (route.IsDefault)
            return ([0], null);
        string[] template = Segments(route.Path);
        var rank = new List<int> { 1 };
        Dictionary<string, string>? parameters = null;
        for (int i = 0; i < template.Length; i++)
        {
            string part = template[i];
            bool variable = part.StartsWith('{') && part.EndsWith('}');
            if (variable && part.EndsWith("+}", StringComparison.Ordinal))
            {
                // Greedy: one or more segments, the rest of the path.
                if (i != template.Length - 1 || segments.Length <= i)
                    return null;
                (parameters ??= new(StringComparer.Ordinal))[part[1..^2]] = Uri.UnescapeDataString(string.Join('/', segments[i..]));
                rank.Add(1);
                return ([.. rank, anyMethod ? 0 : 1], parameters);
            }
            if (i >= segments.Length)
                return null;
            string value = Uri.UnescapeDataString(segments[i]);
            if (variable)
            {
                (parameters ??= new(StringComparer.Ordinal))[part[1..^1]] = value;
                rank.Add(2);
            }
            else if (part == value)
                rank.Add(3);
            else
                return null;
        }
        if (segments.Length != template.Length)
            return null;
        rank.Add(4); // ends here: ahead of a greedy variable at the same place
        return ([.. rank, anyMethod ? 0 : 1], parameters);
    }

    private static int Compare(int[] a, int[] b)
    {
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
                return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A path's segments, without the leading and a trailing slash.</summary>
    private static string[] Segments(string path) =>
        path.Trim('/') is { Length: > 0 } trimmed ? trimmed.Split('/') : [];
}
