using System.Text;
using System.Text.Json;

namespace RuntimeTests.Metrics;

/// <summary>
/// Checks a log line against the rules of CloudWatch's embedded metric format specification: one JSON object; an
/// <c>_aws</c> member with a numeric <c>Timestamp</c> and a <c>CloudWatchMetrics</c> array of directives; each
/// directive's <c>Namespace</c>, <c>Dimensions</c> (arrays of at most 30 names of string members of the root, values of
/// 1 to 1024 characters) and
/// <c>Metrics</c> (at most 100 definitions, each naming a numeric member, or an array of at most 100 numbers, with a
/// known <c>Unit</c> and a <c>StorageResolution</c> of 1 or 60); no members the specification does not define in
/// its own objects; at most 1 MB. Returns the problems found, none for a valid document.
/// </summary>
internal static class EmfValidator
{
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ];

    public static List<string> Problems(string line)
    {
        var problems = new List<string>();
        if (Encoding.UTF8.GetByteCount(line) > 1024 * 1024)
            problems.Add("larger than 1 MB");
        if (line.Contains('\n'))
            problems.Add("more than one line");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            problems.Add($"not JSON: {e.Message}");
            return problems;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return [.. problems, "the root is not an object"];
            if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
                return [.. problems, "no _aws object"];
            OnlyMembers(aws, "_aws", problems, "Timestamp", "CloudWatchMetrics");
            if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out long ms) || ms < 0)
                problems.Add("_aws.Timestamp is not a whole number of milliseconds");
            if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
                return [.. problems, "_aws.CloudWatchMetrics is not an array"];
            foreach (var directive in directives.EnumerateArray())
                CheckDirective(root, directive, problems);
        }
        return problems;
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, List<string> problems)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            problems.Add("a metric directive is not an object");
            return;
        }
        OnlyMembers(directive, "a metric directive", problems, "Namespace", "Dimensions", "Metrics");
        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString()!.Trim().Length is 0 or > 255)
            problems.Add("Namespace is not a string of 1 to 255 characters");

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
            problems.Add("Dimensions is not an array");
        else
        {
            foreach (var set in sets.EnumerateArray())
            {
                if (set.ValueKind != JsonValueKind.Array)
                {
                    problems.Add("a dimension set is not an array");
                    continue;
                }
                if (set.GetArrayLength() > 30)
                    problems.Add($"a dimension set has {set.GetArrayLength()} dimensions (30 at most)");
                foreach (var name in set.EnumerateArray())
                {
                    if (name.ValueKind != JsonValueKind.String)
                        problems.Add("a dimension name is not a string");
                    else if (!root.TryGetProperty(name.GetString()!, out var value) || value.ValueKind != JsonValueKind.String)
                        problems.Add($"dimension '{name.GetString()}' is not a string member of the root");
                    else if (name.GetString()!.Length > 255 || value.GetString()!.Length is 0 or > 1024)
                        problems.Add($"dimension '{name.GetString()}' has a name over 255 characters or a value not of 1 to 1024");
                }
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            problems.Add("Metrics is not an array");
            return;
        }
        if (metrics.GetArrayLength() > 100)
            problems.Add($"a directive has {metrics.GetArrayLength()} metrics (100 at most)");
        var seen = new HashSet<string>();
        foreach (var definition in metrics.EnumerateArray())
        {
            if (definition.ValueKind != JsonValueKind.Object)
            {
                problems.Add("a metric definition is not an object");
                continue;
            }
            OnlyMembers(definition, "a metric definition", problems, "Name", "Unit", "StorageResolution");
            if (!definition.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || nameElement.GetString()!.Length is 0 or > 255)
            {
                problems.Add("a metric's Name is not a string of 1 to 255 characters");
                continue;
            }
            string name = nameElement.GetString()!;
            if (!seen.Add(name))
                problems.Add($"metric '{name}' is defined twice");
            if (definition.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
                problems.Add($"metric '{name}' has a unit CloudWatch does not know: {unit}");
            if (definition.TryGetProperty("StorageResolution", out var resolution)
                && !(resolution.ValueKind == JsonValueKind.Number && resolution.TryGetInt32(out int r) && r is 1 or 60))
                problems.Add($"metric '{name}' has a StorageResolution other than 1 or 60");
            if (!root.TryGetProperty(name, out var value))
                problems.Add($"metric '{name}' has no member in the root");
            else if (value.ValueKind == JsonValueKind.Array)
            {
                if (value.GetArrayLength() > 100)
                    problems.Add($"metric '{name}' has {value.GetArrayLength()} values (100 at most)");
                if (value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
                    problems.Add($"metric '{name}' has a value that is not a number");
            }
            else if (value.ValueKind != JsonValueKind.Number)
                problems.Add($"metric '{name}' is neither a number nor an array of numbers");
        }
    }

    private static void OnlyMembers(JsonElement element, string what, List<string> problems, params string[] allowed)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, member.Name) < 0)
                problems.Add($"{what} has a member the specification does not define: {member.Name}");
        }
    }
}
