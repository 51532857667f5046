using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Failures before the first /next go to /init/error, then the process exits non-zero.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class InitErrorTests
{
    [Theory]
    [InlineData("nope", "No handler named 'nope'")]
    [InlineData(null, "_HANDLER is not set")]
    [InlineData("", "_HANDLER is not set")]
    public async Task Unknown_or_missing_handler_is_reported_as_HandlerNotFound(string? handler, string message)
    {
        await using var function = await FunctionUnderTest.StartAsync(handler);
        var error = await function.Api.InitError.WaitAsync(FunctionUnderTest.Patience);

        Assert.Equal("Runtime.HandlerNotFound", error.ErrorType);
        using var json = JsonDocument.Parse(error.Body);
        string text = json.RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains(message, text);
        Assert.Contains("context, counter, echo, fail, greet, http, sleep, stream", text);
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.DoesNotContain(function.Requests, r => r.Path.EndsWith("/next"));
    }

    [Fact]
    public async Task A_handler_whose_initialisation_throws_is_reported_as_InitError()
    {
        await using var function = await FunctionUnderTest.StartAsync("init-fails", binary: BootstrapBinaries.TestFunction);
        var error = await function.Api.InitError.WaitAsync(FunctionUnderTest.Patience);

        Assert.Equal("Runtime.InitError", error.ErrorType);
        using var json = JsonDocument.Parse(error.Body);
        Assert.Contains("no database configured", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.NotEqual(0, await function.ExitCodeAsync());
    }

    [Fact]
    public async Task An_unreachable_runtime_api_ends_the_process_with_a_message_naming_the_address()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens here now

        await using var function = await FunctionUnderTest.StartAsync("echo", environment: new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{port}",
            ["BOOTSTRAP_CONNECT_TIMEOUT_MS"] = "300",
        });
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stderr, line => line.Contains($"127.0.0.1:{port}") && line.Contains("cannot connect"));
    }
}
