using System.Buffers;
using System.Text.Json;

namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>
/// Writes CloudWatch embedded metric format documents, one JSON line each, with <see cref="Utf8JsonWriter"/>:
/// <c>{"_aws":{"Timestamp","CloudWatchMetrics":[{"Namespace","Dimensions":[[..]],"Metrics":[{"Name","Unit","StorageResolution"}]}]}, dimension values, metric values, metadata}</c>.
/// Beyond 100 metrics, or 100 values of one metric, the rest goes into further documents with the same dimensions.
/// </summary>
internal static class EmfDocument
{
    internal sealed class Metric(string name, MetricUnit unit, MetricResolution resolution)
    {
        public string Name { get; } = name;
        public MetricUnit Unit { get; } = unit;
        public MetricResolution Resolution { get; } = resolution;
        public List<double> Values { get; } = [];
    }

    /// <summary>Writes as many documents as the limits need; one (with no metrics) when there are none and <paramref name="whenEmpty"/>.</summary>
    public static void Write(Stream output, string @namespace, IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<Metric> metrics, IReadOnlyList<KeyValuePair<string, string>> metadata, long timestampMs, bool whenEmpty)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        if (metrics.Count == 0)
        {
            if (whenEmpty)
                WriteOne(output, buffer, @namespace, dimensions, [], 0, metadata, timestampMs);
            return;
        }

        // Round r holds each metric's r-th hundred values; a round with more than 100 metrics is cut into documents.
        int rounds = 0;
        foreach (var metric in metrics)
            rounds = Math.Max(rounds, (metric.Values.Count + EmfLimits.MaxValuesPerMetric - 1) / EmfLimits.MaxValuesPerMetric);
        var inRound = new List<Metric>(Math.Min(metrics.Count, EmfLimits.MaxMetricsPerDocument));
        for (int round = 0; round < rounds; round++)
        {
            inRound.Clear();
            foreach (var metric in metrics)
            {
                if (metric.Values.Count > round * EmfLimits.MaxValuesPerMetric)
                    inRound.Add(metric);
                if (inRound.Count == EmfLimits.MaxMetricsPerDocument)
                {
                    WriteOne(output, buffer, @namespace, dimensions, inRound, round, metadata, timestampMs);
                    inRound.Clear();
                }
            }
            if (inRound.Count > 0)
                WriteOne(output, buffer, @namespace, dimensions, inRound, round, metadata, timestampMs);
        }
    }

    private static void WriteOne(Stream output, ArrayBufferWriter<byte> buffer, string @namespace,
        IReadOnlyList<KeyValuePair<string, string>> dimensions, List<Metric> metrics, int round,
        IReadOnlyList<KeyValuePair<string, string>> metadata, long timestampMs)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws"u8);
            json.WriteNumber("Timestamp"u8, timestampMs);
            json.WriteStartArray("CloudWatchMetrics"u8);
            json.WriteStartObject();
            json.WriteString("Namespace"u8, @namespace);
            json.WriteStartArray("Dimensions"u8);
            json.WriteStartArray();
            foreach (var dimension in dimensions)
                json.WriteStringValue(dimension.Key);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics"u8);
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name"u8, metric.Name);
                json.WriteString("Unit"u8, MetricUnitNames.Of(metric.Unit));
                if (metric.Resolution == MetricResolution.High)
                    json.WriteNumber("StorageResolution"u8, 1);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            foreach (var dimension in dimensions)
                json.WriteString(dimension.Key, dimension.Value);
            foreach (var metric in metrics)
            {
                int from = round * EmfLimits.MaxValuesPerMetric;
                int count = Math.Min(EmfLimits.MaxValuesPerMetric, metric.Values.Count - from);
                if (count == 1)
                {
                    json.WriteNumber(metric.Name, metric.Values[from]);
                    continue;
                }
                json.WriteStartArray(metric.Name);
                for (int i = from; i < from + count; i++)
                    json.WriteNumberValue(metric.Values[i]);
                json.WriteEndArray();
            }
            foreach (var entry in metadata)
                json.WriteString(entry.Key, entry.Value);
            json.WriteEndObject();
        }
        buffer.Append("\n"u8);
        output.Write(buffer.WrittenSpan);
    }
}
