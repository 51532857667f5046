using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using System.Text;
using Bootstrap.TestSupport.RawHttp;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>How the runtime speaks HTTP to the Runtime API, and what it does with each status code.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class ProtocolTests
{
    [Fact]
    public async Task Requests_carry_a_user_agent_naming_the_project_and_version()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        await function.InvokeAsync("{}");
        var next = function.Requests.First(r => r.Path.EndsWith("/next"));
        Assert.Matches(@"^LambdaBootstrap\.Runtime/\d+\.\d+\.\d+", next.Header("User-Agent"));
    }

    [Fact]
    public async Task Lower_case_header_names_are_understood()
    {
        await using var function = await FunctionUnderTest.StartAsync("context", new() { LowercaseHeaderNames = true });
        var invocation = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions { TenantId = "t" });
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);
        using var json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(invocation.RequestId, json.RootElement.GetProperty("awsRequestId").GetString());
        Assert.Equal(invocation.TraceId, json.RootElement.GetProperty("traceId").GetString());
        Assert.Equal("t", json.RootElement.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task A_chunked_next_body_is_read_whole()
    {
        string payload = "{\"name\":\"" + new string('a', 100_000) + "\"}";
        await using var function = await FunctionUnderTest.StartAsync("echo", new() { ChunkedEventThreshold = 0 });
        var small = await function.InvokeAsync("{}");
        var large = await function.InvokeAsync(payload);
        Assert.Equal("{}", small.BodyText);
        Assert.Equal(payload, large.BodyText);
    }

    [Fact]
    public async Task A_500_from_next_ends_the_process()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo", new() { Middleware = RuntimeApiFaults.ServerErrorOn("/next", "{\"errorType\":\"ServiceException\"}") });
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stderr, line => line.Contains("500"));
    }

    [Fact]
    public async Task A_500_from_a_response_post_ends_the_process()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo", new() { Middleware = RuntimeApiFaults.ServerErrorOn("/response", "broken") });
        function.Api.Enqueue("{}"u8.ToArray());
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stderr, line => line.Contains("500") && line.Contains("response"));
    }

    [Fact]
    public async Task A_413_on_a_response_becomes_a_ResponseSizeTooLarge_error_report()
    {
        await using var function = await FunctionUnderTest.StartAsync("big", binary: BootstrapBinaries.TestFunction);
        var outcome = await function.InvokeAsync("7000000");
        Assert.True(outcome.IsError);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorType);

        var next = await function.InvokeAsync("5");
        Assert.Equal("xxxxx", next.BodyText);
        // The Runtime API ended the invocation at the 413; the runtime still reported the error, and went on.
        var report = Assert.Single(function.Requests, r => r.Path.EndsWith("/error", StringComparison.Ordinal));
        Assert.Equal("Function.ResponseSizeTooLarge", report.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("7000000", Encoding.UTF8.GetString(report.Body));
        Assert.Equal(403, report.StatusCode);
    }

    [Fact]
    public async Task A_4xx_on_a_post_is_logged_and_the_loop_goes_on()
    {
        int rejected = 0;
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Middleware = Intercept.With(async context =>
            {
                if (!context.Request.Path.Value!.EndsWith("/response") || Interlocked.Increment(ref rejected) != 1)
                    return false;
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("{\"errorType\":\"InvalidRequestID\"}");
                return true;
            }),
        });
        function.Api.Enqueue("first"u8.ToArray()); // its response is refused, so it never completes
        var second = await function.InvokeAsync("second");
        Assert.Equal("second", second.BodyText);
        await function.WaitForStdoutAsync(line => line.Contains("ERROR") && line.Contains("400"));
        Assert.False(function.Process.HasExited);
    }

    [Fact]
    public async Task A_connection_closed_between_invocations_is_reopened()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Middleware = Intercept.With(context =>
            {
                // Ask Kestrel to close the connection after each accepted response.
                if (context.Request.Path.Value!.EndsWith("/response"))
                    context.Response.Headers.Connection = "close";
                return Task.FromResult(false);
            }),
        });
        for (int i = 0; i < 5; i++)
            Assert.Equal($"event {i}", (await function.InvokeAsync($"event {i}")).BodyText);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: a\r\nContent-Length: 10\r\n\r\nabc", "connection closed after 3 of 10 body bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: a\r\nContent-Len", "connection closed after")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", "without a Lambda-Runtime-Aws-Request-Id")]
    public async Task A_malformed_or_truncated_response_is_a_clear_fatal_error(string response, string message)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var function = await FunctionUnderTest.StartAsync("echo", environment: new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{port}",
        });
        using (var client = await listener.AcceptTcpClientAsync().WaitAsync(FunctionUnderTest.Patience))
        {
            var stream = client.GetStream();
            Assert.Equal("GET", (await new RawHttpReader(stream).ReadRequestHeadAsync())?.Method); // the GET /next
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            client.Client.Shutdown(SocketShutdown.Send);
            Assert.NotEqual(0, await function.ExitCodeAsync());
        }
        Assert.Contains(function.Stderr, line => line.Contains(message));
    }
}
