using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime.Metrics;

namespace RuntimeTests.Metrics;

/// <summary>
/// Metrics as EMF lines: every line any test here writes passes <see cref="EmfValidator"/>. One class, so the tests
/// that set <see cref="MetricsDefaults"/> never run beside each other.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationMetricsTests : IDisposable
{
    private readonly MemoryStream _output = new();

    public InvocationMetricsTests()
    {
        MetricsDefaults.Namespace = "Shop";
        MetricsDefaults.Service = "checkout";
        MetricsDefaults.ClearDimensions();
    }

    public void Dispose()
    {
        MetricsDefaults.Namespace = null;
        MetricsDefaults.Service = null;
        MetricsDefaults.ClearDimensions();
        MetricsDefaults.CaptureColdStart = false;
    }

    /// <summary>Every line written so far, each checked against the specification.</summary>
    private static JsonElement[] ValidLines(MemoryStream output) => ValidLines(Encoding.UTF8.GetString(output.ToArray()));

    private static JsonElement[] ValidLines(string text)
    {
        Assert.True(text.Length == 0 || text.EndsWith('\n'));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
            Assert.Empty(EmfValidator.Problems(line));
        return lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
    }

    private static JsonElement Directive(JsonElement document) => document.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

    private static string[] MetricNames(JsonElement document) =>
        Directive(document).GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()!).ToArray();

    private static string[] DimensionNames(JsonElement document) =>
        Directive(document).GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()!).ToArray();

    [Fact]
    public void Metrics_dimensions_and_metadata_become_one_document()
    {
        MetricsDefaults.AddDimension("region", "eu-west-1");
        var metrics = new InvocationMetrics(_output);
        metrics.AddDimension("route", "/orders");
        metrics.Add("Orders", 1, MetricUnit.Count);
        metrics.Add("Orders", 2, MetricUnit.Count);
        metrics.Add("Latency", 12.5, MetricUnit.Milliseconds, MetricResolution.High);
        metrics.AddMetadata("orderId", "A-1");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        metrics.Flush();

        var document = Assert.Single(ValidLines(_output));
        Assert.InRange(document.GetProperty("_aws").GetProperty("Timestamp").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal("Shop", Directive(document).GetProperty("Namespace").GetString());
        Assert.Equal(["service", "region", "route"], DimensionNames(document));
        Assert.Equal("checkout", document.GetProperty("service").GetString());
        Assert.Equal("eu-west-1", document.GetProperty("region").GetString());
        Assert.Equal("/orders", document.GetProperty("route").GetString());
        Assert.Equal([1, 2], document.GetProperty("Orders").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(12.5, document.GetProperty("Latency").GetDouble());
        Assert.Equal("A-1", document.GetProperty("orderId").GetString());

        var definitions = Directive(document).GetProperty("Metrics");
        Assert.Equal("Count", definitions[0].GetProperty("Unit").GetString());
        Assert.False(definitions[0].TryGetProperty("StorageResolution", out _));
        Assert.Equal("Milliseconds", definitions[1].GetProperty("Unit").GetString());
        Assert.Equal(1, definitions[1].GetProperty("StorageResolution").GetInt32());
    }

    [Fact]
    public void More_than_100_metrics_are_split_into_documents_of_100()
    {
        var metrics = new InvocationMetrics(_output);
        for (int i = 0; i < 250; i++)
            metrics.Add($"m{i}", i, MetricUnit.Count);
        metrics.Flush();

        var documents = ValidLines(_output);
        Assert.Equal([100, 100, 50], documents.Select(d => MetricNames(d).Length));
        var all = documents.SelectMany(d => MetricNames(d).Select(name => (name, d.GetProperty(name).GetDouble()))).ToArray();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => ($"m{i}", (double)i)), all);
        Assert.All(documents, d => Assert.Equal(["service"], DimensionNames(d)));
    }

    [Fact]
    public void More_than_100_values_of_one_metric_are_split_into_documents()
    {
        var metrics = new InvocationMetrics(_output);
        for (int i = 0; i < 250; i++)
            metrics.Add("Latency", i, MetricUnit.Milliseconds);
        metrics.Add("Orders", 1, MetricUnit.Count);
        metrics.Flush();

        var documents = ValidLines(_output);
        Assert.Equal(3, documents.Length);
        var latencies = documents.SelectMany(d => d.GetProperty("Latency") is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Select(v => v.GetDouble()) : [d.GetProperty("Latency").GetDouble()]).ToArray();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)i), latencies);
        Assert.Equal(["Latency", "Orders"], MetricNames(documents[0]));
        Assert.Equal(["Latency"], MetricNames(documents[2]));
    }

    [Fact]
    public void A_31st_dimension_is_refused()
    {
        var metrics = new InvocationMetrics(_output);
        // The service is the first of the 30.
        for (int i = 0; i < 29; i++)
            metrics.AddDimension($"d{i}", "v");
        Assert.Throws<InvalidOperationException>(() => metrics.AddDimension("one-too-many", "v"));
        metrics.Add("Orders", 1);
        metrics.Flush();
        Assert.Equal(30, DimensionNames(Assert.Single(ValidLines(_output))).Length);
    }

    [Fact]
    public void Nothing_is_written_without_metrics_unless_asked()
    {
        var metrics = new InvocationMetrics(_output);
        metrics.AddMetadata("orderId", "A-1");
        metrics.Flush();
        Assert.Empty(ValidLines(_output));

        metrics.FlushWhenEmpty = true;
        metrics.AddMetadata("orderId", "A-2");
        metrics.Flush();
        var document = Assert.Single(ValidLines(_output));
        Assert.Empty(MetricNames(document));
        Assert.Equal("A-2", document.GetProperty("orderId").GetString());
    }

    [Fact]
    public void Bad_names_and_values_are_refused()
    {
        var metrics = new InvocationMetrics(_output);
        Assert.ThrowsAny<ArgumentException>(() => metrics.Add("", 1));
        Assert.ThrowsAny<ArgumentException>(() => metrics.Add(new string('m', 256), 1));
        Assert.ThrowsAny<ArgumentException>(() => metrics.Add("_aws", 1));
        Assert.ThrowsAny<ArgumentException>(() => metrics.Add("NaN", double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => metrics.AddDimension("long", new string('v', 1025)));
        Assert.ThrowsAny<ArgumentException>(() => MetricsDefaults.AddDimension("", "v"));
        metrics.AddDimension("route", "/");
        Assert.ThrowsAny<ArgumentException>(() => metrics.Add("route", 1));
        Assert.ThrowsAny<ArgumentException>(() => metrics.AddMetadata("service", "x"));

        MetricsDefaults.Namespace = null;
        Assert.Throws<InvalidOperationException>(() => new InvocationMetrics(_output).Add("Orders", 1));
    }

    [Fact]
    public async Task The_runtime_flushes_each_invocation_s_metrics_at_its_end_with_a_ColdStart_metric_on_the_first()
    {
        MetricsDefaults.CaptureColdStart = true;
        await using var runtime = new ClientUnderTest();
        int invocation = 0;
        var loop = runtime.Loop(LambdaHandler.Bytes((e, context) =>
        {
            context.Metrics.Add("Orders", ++invocation, MetricUnit.Count);
            return e;
        }));
        runtime.Api.Enqueue("{}");
        runtime.Api.Enqueue("{}");
        await runtime.RunOnceAsync(loop);
        await runtime.RunOnceAsync(loop);

        var documents = ValidLines(string.Concat(runtime.LogText.Split('\n').Where(l => l.StartsWith("{\"_aws\"")).Select(l => l + "\n")));
        Assert.Equal(["ColdStart", "Orders", "Orders"], documents.Select(d => MetricNames(d).Single()));
        Assert.Equal(["function_name", "service"], DimensionNames(documents[0]));
        Assert.Equal("my-function", documents[0].GetProperty("function_name").GetString());
        Assert.Equal([1.0, 2.0], documents[1..].Select(d => d.GetProperty("Orders").GetDouble()));
    }
}
