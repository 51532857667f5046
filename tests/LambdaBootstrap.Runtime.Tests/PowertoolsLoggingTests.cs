using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Logging;
using static RuntimeTests.TestData;

namespace RuntimeTests;

/// <summary>
/// The Powertools fields are opt-in: the configuration the runtime reads gives its log Lambda's fields only, until
/// <see cref="PowertoolsLogging.Enable"/>. The only test that turns them on, since that lasts for the process.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class PowertoolsLoggingTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "orders",
        ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
        ["POWERTOOLS_SERVICE_NAME"] = "checkout",
        ["POWERTOOLS_LOGGER_SAMPLE_RATE"] = "1",
    };

    private static string? Variable(string name) => Environment.GetValueOrDefault(name);

    /// <summary>A debug line and an error line of a cold start, on a log made from the configuration as the runtime makes it.</summary>
    private static JsonElement[] ColdStartLines()
    {
        var config = RuntimeConfiguration.From(Variable);
        var output = new MemoryStream();
        var log = new LogWriter(output, config.LogFormat, config.LogLevel) { Powertools = config.Powertools };
        using (var context = new LambdaContext(Headers("req-1"), config.Function, log, isColdStart: true))
        {
            context.Logger.LogDebug("sampled detail");
            context.Logger.LogError(new InvalidOperationException("card declined"), "charge failed");
        }
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
    }

    [Fact]
    public void Json_lines_carry_Lambdas_fields_only_until_the_Powertools_fields_are_turned_on()
    {
        // Not turned on: no sampling (the debug line is below INFO), Lambda's fields and the error's, nothing else.
        var error = Assert.Single(ColdStartLines());
        Assert.Equal(["timestamp", "level", "requestId", "message", "errorMessage", "errorType", "stackTrace"],
            error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("card declined", error.GetProperty("errorMessage").GetString());

        PowertoolsLogging.Enable();

        var lines = ColdStartLines();
        Assert.Equal(["sampled detail", "charge failed"], lines.Select(line => line.GetProperty("message").GetString()));
        foreach (var line in lines)
        {
            Assert.Equal("orders", line.GetProperty("function_name").GetString());
            Assert.Equal(128, line.GetProperty("function_memory_size").GetInt32());
            Assert.Equal("$LATEST", line.GetProperty("function_version").GetString());
            Assert.True(line.GetProperty("cold_start").GetBoolean());
            Assert.Equal("checkout", line.GetProperty("service").GetString());
            Assert.Equal(1, line.GetProperty("sampling_rate").GetInt32());
        }
        Assert.Equal("InvalidOperationException", lines[1].GetProperty("errorType").GetString());
    }
}
