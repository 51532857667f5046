using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class RuntimeConfigurationTests
{
    private static RuntimeConfiguration From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return RuntimeConfiguration.From(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void AllFields_AreRead()
    {
        var config = From(
            ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"),
            ("_HANDLER", "echo"),
            ("AWS_LAMBDA_FUNCTION_NAME", "my-function"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "12"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"),
            ("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/my-function"),
            ("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[12]abc"),
            ("AWS_LAMBDA_LOG_FORMAT", "JSON"),
            ("AWS_LAMBDA_LOG_LEVEL", "DEBUG"),
            ("BOOTSTRAP_CONNECT_TIMEOUT_MS", "750"));

        Assert.Equal(new RuntimeApiEndpoint("127.0.0.1", 9001), config.RuntimeApi);
        Assert.Equal("echo", config.Handler);
        Assert.Equal(new FunctionSettings("my-function", "12", 1024, "/aws/lambda/my-function", "2026/01/01/[12]abc"), config.Function);
        Assert.Equal(LogFormat.Json, config.LogFormat);
        Assert.Equal(LogLevel.Debug, config.LogLevel);
        Assert.Equal(TimeSpan.FromMilliseconds(750), config.ConnectBudget);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void OnlyTheRuntimeApi_GivesDefaults()
    {
        var config = From(("AWS_LAMBDA_RUNTIME_API", "localhost:9001"));

        Assert.Null(config.Handler);
        Assert.Equal(new FunctionSettings("", "$LATEST", 128, "", ""), config.Function);
        Assert.Equal(LogFormat.Text, config.LogFormat);
        Assert.Equal(LogLevel.Information, config.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(5), config.ConnectBudget);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void MissingRuntimeApi_Throws()
    {
        var e = Assert.Throws<FormatException>(() => From(("_HANDLER", "echo")));
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", e.Message);
    }

    [Theory]
    [InlineData("nohost")]
    [InlineData("host:0")]
    [InlineData("host:x")]
    public void MalformedRuntimeApi_Throws(string value)
    {
        var e = Assert.Throws<FormatException>(() => From(("AWS_LAMBDA_RUNTIME_API", value)));
        Assert.Contains(value, e.Message);
    }

    [Theory]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1.5")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "LOUD")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "")]
    [InlineData("AWS_LAMBDA_LOG_FORMAT", "xml")]
    [InlineData("AWS_LAMBDA_LOG_FORMAT", "")]
    [InlineData("BOOTSTRAP_CONNECT_TIMEOUT_MS", "soon")]
    [InlineData("BOOTSTRAP_CONNECT_TIMEOUT_MS", "-1")]
    [InlineData("BOOTSTRAP_CONNECT_TIMEOUT_MS", "99999999999")]
    public void JunkValue_GivesAWarningAndTheDefault(string name, string value)
    {
        var config = From(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"), (name, value));
        var warning = Assert.Single(config.Warnings);
        Assert.Contains(name, warning);
        Assert.Contains($"'{value}'", warning);

        var defaults = From(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"));
        Assert.Equal(defaults.Function, config.Function);
        Assert.Equal(defaults.LogLevel, config.LogLevel);
        Assert.Equal(defaults.LogFormat, config.LogFormat);
        Assert.Equal(defaults.ConnectBudget, config.ConnectBudget);
    }

    [Fact]
    public void SeveralJunkValues_GiveOneWarningEach()
    {
        var config = From(
            ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "x"),
            ("AWS_LAMBDA_LOG_LEVEL", "x"),
            ("AWS_LAMBDA_LOG_FORMAT", "x"),
            ("BOOTSTRAP_CONNECT_TIMEOUT_MS", "x"));
        Assert.Equal(4, config.Warnings.Count);
    }

    [Fact]
    public void ZeroConnectTimeout_IsAccepted()
    {
        var config = From(("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"), ("BOOTSTRAP_CONNECT_TIMEOUT_MS", "0"));
        Assert.Equal(TimeSpan.Zero, config.ConnectBudget);
        Assert.Empty(config.Warnings);
    }

    [Theory]
    [InlineData("127.0.0.1:9001", "127.0.0.1", 9001, "127.0.0.1:9001")]
    [InlineData("localhost:80", "localhost", 80, "localhost:80")]
    [InlineData("[::1]:9001", "::1", 9001, "[::1]:9001")]
    [InlineData("runtime.example:65535", "runtime.example", 65535, "runtime.example:65535")]
    public void Endpoint_Parse(string value, string host, int port, string authority)
    {
        var endpoint = RuntimeApiEndpoint.Parse(value);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(authority, endpoint.Authority);
        Assert.Equal(authority, endpoint.ToString());
    }

    [Theory]
    [InlineData("nohost")]
    [InlineData("host:0")]
    [InlineData("host:x")]
    [InlineData("host:")]
    [InlineData(":9001")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("[::1]")]
    [InlineData("")]
    public void Endpoint_Parse_RejectsMalformed(string value)
    {
        var e = Assert.Throws<FormatException>(() => RuntimeApiEndpoint.Parse(value));
        Assert.Contains($"'{value}'", e.Message);
    }
}
