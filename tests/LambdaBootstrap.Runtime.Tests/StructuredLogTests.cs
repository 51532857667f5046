using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Logging;
using static RuntimeTests.TestData;

namespace RuntimeTests;

/// <summary>The fields an invocation's JSON lines carry beyond Lambda's own: docs/observability.md.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class StructuredLogTests
{
    private static readonly FunctionSettings Settings = new("orders", "7", 256, "/aws/lambda/orders", "stream");
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live";

    private static LambdaContext Context(LogWriter log, string requestId = "req-1", bool coldStart = false)
    {
        var headers = Headers(requestId);
        headers.OnHeader("Lambda-Runtime-Invoked-Function-Arn"u8, Encoding.ASCII.GetBytes(Arn));
        return new LambdaContext(headers, Settings, log, coldStart);
    }

    private static JsonElement[] Lines(MemoryStream output) =>
        Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();

    [Fact]
    public void PowertoolsFields_AreTheFunctions_AndColdStartOnlyOnTheFirst()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Json, LogLevel.Information) { Powertools = new PowertoolsLogFields(Settings, "checkout", 0, null) };
        using (var first = Context(log, "req-1", coldStart: true))
            first.Logger.LogInformation("first");
        using (var second = Context(log, "req-2"))
            second.Logger.LogInformation("second");

        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            Assert.Equal("orders", line.GetProperty("function_name").GetString());
            Assert.Equal(256, line.GetProperty("function_memory_size").GetInt32());
            Assert.Equal("7", line.GetProperty("function_version").GetString());
            Assert.Equal(Arn, line.GetProperty("function_arn").GetString());
            Assert.Equal("checkout", line.GetProperty("service").GetString());
        }
        Assert.True(lines[0].GetProperty("cold_start").GetBoolean());
        Assert.False(lines[1].GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public void AppendKey_LastsForTheInvocation_AndProcessKeysForEveryLine()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Json, LogLevel.Information);
        ProcessLogKeys.Append("deployment", "blue");
        try
        {
            using (var first = Context(log, "req-1"))
            {
                first.Logger.LogInformation("before");
                first.Logger.AppendKey("order", "41");
                first.Logger.AppendKey("order", "42");
                first.Logger.LogInformation("after");
            }
            using (var second = Context(log, "req-2"))
                second.Logger.LogInformation("next invocation");
        }
        finally
        {
            ProcessLogKeys.Remove("deployment");
        }

        var lines = Lines(output);
        Assert.All(lines, line => Assert.Equal("blue", line.GetProperty("deployment").GetString()));
        Assert.False(lines[0].TryGetProperty("order", out _));
        Assert.Equal("42", lines[1].GetProperty("order").GetString());
        Assert.Single(lines[1].EnumerateObject(), p => p.Name == "order");
        Assert.False(lines[2].TryGetProperty("order", out _));
    }

    [Theory]
    [InlineData("level")]
    [InlineData("message")]
    [InlineData("cold_start")]
    [InlineData("")]
    public void AppendKey_RefusesStandardFields(string key)
    {
        using var context = Context(new LogWriter(new MemoryStream(), LogFormat.Json, LogLevel.Information));
        Assert.ThrowsAny<ArgumentException>(() => context.Logger.AppendKey(key, "x"));
        Assert.ThrowsAny<ArgumentException>(() => ProcessLogKeys.Append(key, "x"));
    }

    [Fact]
    public void Exceptions_AreLambdasErrorFields_InJson()
    {
        var output = new MemoryStream();
        using (var context = Context(new LogWriter(output, LogFormat.Json, LogLevel.Information)))
            context.Logger.LogError(Thrown(), "charge failed");

        var line = Assert.Single(Lines(output));
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("charge failed", line.GetProperty("message").GetString());
        Assert.Equal("InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.Equal("card declined", line.GetProperty("errorMessage").GetString());
        Assert.Contains(line.GetProperty("stackTrace").EnumerateArray(), frame => frame.GetString()!.Contains(nameof(Thrown)));
    }

    [Fact]
    public void Exceptions_FollowTheMessage_InText()
    {
        var output = new MemoryStream();
        using (var context = Context(new LogWriter(output, LogFormat.Text, LogLevel.Information)))
            context.Logger.LogError(Thrown(), "charge failed");

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.EndsWith("\tERROR\tcharge failed", lines[0]);
        Assert.Equal("InvalidOperationException: card declined", lines[1]);
        Assert.Contains(nameof(Thrown), lines[2]);
    }

    [Fact]
    public void TextLines_CarryNoKeys()
    {
        var output = new MemoryStream();
        using (var context = Context(new LogWriter(output, LogFormat.Text, LogLevel.Information) { Powertools = new PowertoolsLogFields(Settings, "checkout", 0, null) }))
        {
            context.Logger.AppendKey("order", "42");
            context.Logger.LogInformation("hello");
        }
        Assert.Equal(["req-1", "INFO", "hello"], Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\t')[1..]);
    }

    [Fact]
    public void Sampling_LogsDebugForTheSampledInvocations_Only()
    {
        var output = new MemoryStream();
        var always = new LogWriter(output, LogFormat.Json, LogLevel.Information) { Powertools = new PowertoolsLogFields(Settings, null, 1_000_000, "1") };
        using (var context = Context(always))
        {
            context.Logger.LogDebug("sampled debug");
            context.Logger.LogTrace("still below debug");
        }
        var line = Assert.Single(Lines(output));
        Assert.Equal("sampled debug", line.GetProperty("message").GetString());
        Assert.Equal(1, line.GetProperty("sampling_rate").GetDouble());

        var quiet = new MemoryStream();
        var never = new LogWriter(quiet, LogFormat.Json, LogLevel.Information) { Powertools = new PowertoolsLogFields(Settings, null, 0, null) };
        using (var context = Context(never))
            context.Logger.LogDebug("not sampled");
        Assert.Empty(Lines(quiet));
    }

    [Fact]
    public void Sampling_ChoosesAboutItsFractionOfInvocations()
    {
        var fields = new PowertoolsLogFields(Settings, null, 250_000, "0.25");
        int sampled = Enumerable.Range(0, 4000).Count(_ => fields.SamplesInvocation(Guid.NewGuid().ToString()));
        // 4000 draws at p = 0.25: mean 1000, standard deviation ~27; 200 either way is over seven deviations.
        Assert.InRange(sampled, 800, 1200);
    }

    [Fact]
    public void PowertoolsFields_ReadTheServiceAndTheSampleRate_FromTheEnvironment()
    {
        var variables = new Dictionary<string, string> { ["POWERTOOLS_SERVICE_NAME"] = "checkout", ["POWERTOOLS_LOGGER_SAMPLE_RATE"] = " 1 " };
        List<string> warnings = [];
        var fields = PowertoolsLogFields.Read(Settings, name => variables.GetValueOrDefault(name), warnings);
        Assert.Empty(warnings);
        Assert.True(fields.SamplesInvocation("req-1"));
        var output = new MemoryStream();
        using (var context = Context(new LogWriter(output, LogFormat.Json, LogLevel.Information) { Powertools = fields }))
            context.Logger.LogDebug("sampled");
        var line = Assert.Single(Lines(output));
        Assert.Equal("checkout", line.GetProperty("service").GetString());
        Assert.Equal("1", line.GetProperty("sampling_rate").GetRawText());

        variables["POWERTOOLS_LOGGER_SAMPLE_RATE"] = "2";
        var junk = PowertoolsLogFields.Read(Settings, name => variables.GetValueOrDefault(name), warnings);
        Assert.Contains("POWERTOOLS_LOGGER_SAMPLE_RATE '2'", Assert.Single(warnings));
        Assert.False(junk.SamplesInvocation("req-1"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1_000_000)]
    [InlineData("1.0", 1_000_000)]
    [InlineData("0.25", 250_000)]
    [InlineData(".5", 500_000)]
    [InlineData(" 0.000001 ", 1)]
    [InlineData("1.5", null)]
    [InlineData("2", null)]
    [InlineData("-0.1", null)]
    [InlineData("0.1234567", null)]
    [InlineData("half", null)]
    [InlineData(".", null)]
    public void SampleRates_AreFractionsFromZeroToOne(string text, int? perMillion) => Assert.Equal(perMillion, LogSampling.ParsePerMillion(text));

    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("card declined");
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
