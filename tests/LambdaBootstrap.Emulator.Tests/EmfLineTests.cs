using LambdaBootstrap.Emulator.Metrics;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The console's reading of Embedded Metric Format lines from a function's output.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class EmfLineTests
{
    [Fact]
    public void Each_metric_of_each_directive_gives_its_values()
    {
        var points = EmfLine.Parse("""
            {"_aws":{"Timestamp":1700000000123,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["Service"]],"Metrics":[{"Name":"Orders","Unit":"Count"},{"Name":"Latency","Unit":"Milliseconds"}]}]},"Service":"shop","Orders":2,"Latency":[1.5,3]}
            """);
        Assert.Equal(
            [new MetricPoint("Shop", "Orders", "Count", 2, 1700000000123), new MetricPoint("Shop", "Latency", "Milliseconds", 1.5, 1700000000123),
                new MetricPoint("Shop", "Latency", "Milliseconds", 3, 1700000000123)],
            points);
    }

    [Theory]
    [InlineData("START RequestId: 1 Version: $LATEST")]
    [InlineData("""{"level":"INFO","message":"hello"}""")]
    [InlineData("""{"_aws":{"CloudWatchMetrics":[]},"Orders":1}""")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"Shop","Metrics":[{"Name":"Orders"}]}]}}""")]
    [InlineData("""{"_aws":""")]
    public void Other_lines_give_nothing(string line) => Assert.Empty(EmfLine.Parse(line));
}
