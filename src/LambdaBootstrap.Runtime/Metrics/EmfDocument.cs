using System.Buffers;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>
/// Writes CloudWatch embedded metric format documents, one JSON line each, with <see cref="LambdaJsonWriter"/>:
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
        var json = new LambdaJsonWriter(buffer);
        json.WriteStartObject();
        json.WritePropertyName("_aws"u8);
        json.WriteStartObject();
        json.WritePropertyName("Timestamp"u8);
        json.WriteNumberValue(timestampMs);
        json.WritePropertyName("CloudWatchMetrics"u8);
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("Namespace"u8);
        json.WriteStringValue(@namespace);
        json.WritePropertyName("Dimensions"u8);
        json.WriteStartArray();
        json.WriteStartArray();
        foreach (var dimension in dimensions)
            json.WriteStringValue(dimension.Key);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WritePropertyName("Metrics"u8);
        json.WriteStartArray();
        foreach (var metric in metrics)
        {
            json.WriteStartObject();
            json.WritePropertyName("Name"u8);
            json.WriteStringValue(metric.Name);
            json.WritePropertyName("Unit"u8);
            json.WriteStringValue(MetricUnitNames.Of(metric.Unit));
            if (metric.Resolution == MetricResolution.High)
            {
                json.WritePropertyName("StorageResolution"u8);
                json.WriteNumberValue(1);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        foreach (var dimension in dimensions)
        {
            json.WritePropertyName(dimension.Key);
            json.WriteStringValue(dimension.Value);
        }
        foreach (var metric in metrics)
        {
            int from = round * EmfLimits.MaxValuesPerMetric;
            int count = Math.Min(EmfLimits.MaxValuesPerMetric, metric.Values.Count - from);
            json.WritePropertyName(metric.Name);
            if (count == 1)
            {
                json.WriteNumberValue(metric.Values[from]);
                continue;
            }
            json.WriteStartArray();
            for (int i = from; i < from + count; i++)
                json.WriteNumberValue(metric.Values[i]);
            json.WriteEndArray();
        }
        foreach (var entry in metadata)
        {
            json.WritePropertyName(entry.Key);
            json.WriteStringValue(entry.Value);
        }
        json.WriteEndObject();
        buffer.Append("\n"u8);
        output.Write(buffer.WrittenSpan);
    }
}
