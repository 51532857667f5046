using System.Text.Json;

namespace LambdaBootstrap.Emulator.Metrics;

/// <summary>One value of a metric a function printed in CloudWatch's Embedded Metric Format.</summary>
internal sealed record MetricPoint(string Namespace, string Name, string? Unit, double Value, long TimestampMs);

/// <summary>
/// A log line in CloudWatch's Embedded Metric Format: a JSON object whose <c>_aws</c> holds <c>Timestamp</c> and
/// <c>CloudWatchMetrics</c> (each directive a <c>Namespace</c> and its <c>Metrics</c>, by <c>Name</c> and
/// <c>Unit</c>), the values at the top level under each metric's name (a number, or an array of numbers).
/// </summary>
internal static class EmfLine
{
    /// <summary>The metric values a line carries; empty for any line that is not EMF.</summary>
    public static IReadOnlyList<MetricPoint> Parse(string line)
    {
        // Most lines are not JSON at all: they are passed over without a parse.
        if (!line.StartsWith('{') || !line.Contains("\"_aws\"", StringComparison.Ordinal))
            return [];
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object
                || !aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array
                || !aws.TryGetProperty("Timestamp", out var timestamp) || !timestamp.TryGetInt64(out long at))
                return [];
            List<MetricPoint> points = [];
            foreach (var directive in directives.EnumerateArray())
            {
                if (directive.ValueKind != JsonValueKind.Object
                    || !directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String
                    || !directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var metric in metrics.EnumerateArray())
                {
                    if (metric.ValueKind != JsonValueKind.Object || !metric.TryGetProperty("Name", out var name) || name.ValueKind != JsonValueKind.String
                        || !root.TryGetProperty(name.GetString()!, out var value))
                        continue;
                    string? unit = metric.TryGetProperty("Unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    foreach (var number in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
                    {
                        if (number.ValueKind == JsonValueKind.Number)
                            points.Add(new MetricPoint(ns.GetString()!, name.GetString()!, unit, number.GetDouble(), at));
                    }
                }
            }
            return points;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
