namespace RuntimeTests.Metrics;

/// <summary>The validator itself finds what breaks the specification: a validator that passes everything proves nothing.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class EmfValidatorTests
{
    private const string Valid = """{"_aws":{"Timestamp":1767225600000,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["service"]],"Metrics":[{"Name":"Orders","Unit":"Count"}]}]},"service":"checkout","Orders":[1,2]}""";

    [Fact]
    public void A_valid_document_has_no_problems() => Assert.Empty(EmfValidator.Problems(Valid));

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"Orders":1}""", "no _aws")]
    [InlineData("""{"_aws":{"CloudWatchMetrics":[]}}""", "Timestamp")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"","Dimensions":[],"Metrics":[]}]}}""", "Namespace")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["d"]],"Metrics":[]}]}}""", "dimension 'd'")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["d"]],"Metrics":[]}]},"d":""}""", "dimension 'd' has")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M","Unit":"Apples"}]}]},"M":1}""", "unit")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M","StorageResolution":5}]}]},"M":1}""", "StorageResolution")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":"1"}""", "neither a number")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]}}""", "no member")]
    [InlineData("""{"_aws":{"Timestamp":1,"Extra":1,"CloudWatchMetrics":[]}}""", "Extra")]
    public void An_invalid_document_is_caught(string line, string problem) =>
        Assert.Contains(EmfValidator.Problems(line), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void Too_many_metrics_dimensions_or_values_are_caught()
    {
        var metrics = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"Name":"m{{i}}"}"""));
        var values = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"m{i}\":1"));
        Assert.Contains(EmfValidator.Problems($$"""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{{metrics}}]}]},{{values}}}"""),
            p => p.Contains("101 metrics"));

        var names = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"d{i}\""));
        var dims = string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"d{i}\":\"v\""));
        Assert.Contains(EmfValidator.Problems($$"""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[[{{names}}]],"Metrics":[]}]},{{dims}}}"""),
            p => p.Contains("31 dimensions"));

        var many = string.Join(",", Enumerable.Repeat("1", 101));
        Assert.Contains(EmfValidator.Problems($$"""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":[{{many}}]}"""),
            p => p.Contains("101 values"));
    }
}
