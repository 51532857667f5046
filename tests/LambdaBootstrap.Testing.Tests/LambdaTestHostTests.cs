using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing.Tests;

public sealed record Greeting(string? Name);
public sealed record Greeted(string Message);
public sealed record Described(string? App, string? Custom, string? IdentityId, double RemainingMs, string? TraceId, string? TenantId, string? Arn);

[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Greeted))]
[JsonSerializable(typeof(Described))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial class HostJson : JsonSerializerContext;

/// <summary>
/// The in-process host runs each handler kind through the runtime's own invocation loop: what comes back is what the
/// runtime sent to its (in-memory) Runtime API.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class LambdaTestHostTests
{
    private static readonly HandlerRegistry Handlers = new()
    {
        ["greet"] = () => LambdaHandler.Json((Greeting g, ILambdaContext c) => new Greeted($"Hello, {(string.IsNullOrEmpty(g.Name) ? "world" : g.Name)}!"),
            HostJson.Default.Greeting, HostJson.Default.Greeted),
        ["echo"] = () => LambdaHandler.Bytes((e, c) => e),
        ["broken"] = () => throw new InvalidOperationException("no configuration"),
    };

    [Fact]
    public async Task A_typed_handler_from_the_registry_reads_and_writes_JSON()
    {
        var host = new LambdaTestHost(Handlers, "greet");

        var fromText = await host.InvokeAsync("""{"name":"Ada"}""");
        var fromValue = await host.InvokeAsync(new Greeting("Bo"), HostJson.Default.Greeting);

        Assert.False(fromText.IsError);
        Assert.Equal("""{"message":"Hello, Ada!"}""", fromText.ResponseText);
        Assert.Equal(new Greeted("Hello, Bo!"), fromValue.ReadResponse(HostJson.Default.Greeted));
        Assert.NotEqual(fromText.RequestId, fromValue.RequestId);
    }

    [Fact]
    public async Task A_bytes_handler_gets_and_returns_raw_bytes_unchanged()
    {
        byte[] binary = [0, 255, 10, 13, 0xC3, 0x28, 42];
        var result = await new LambdaTestHost(Handlers, "echo").InvokeAsync(binary);
        Assert.Equal(binary, result.Response);
        Assert.False(result.IsStreamed);
        Assert.Empty(result.Chunks);
    }

    [Fact]
    public void An_unknown_handler_or_a_failing_factory_fails_init_with_the_runtimes_error()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => new LambdaTestHost(Handlers, "nope"));
        Assert.StartsWith("Runtime.HandlerNotFound: No handler named 'nope'. Handlers in this bootstrap: broken, echo, greet", unknown.Message);
        var broken = Assert.Throws<InvalidOperationException>(() => new LambdaTestHost(Handlers, "broken"));
        Assert.StartsWith("Runtime.InitError: Handler 'broken' failed to initialise: InvalidOperationException: no configuration", broken.Message);
    }

    [Fact]
    public async Task An_event_a_typed_handler_cannot_read_is_a_SerializationError_report()
    {
        var result = await new LambdaTestHost(Handlers, "greet").InvokeAsync("""{"name": 42""");

        Assert.True(result.IsError);
        Assert.Empty(result.Response);
        Assert.Equal("Runtime.SerializationError", result.Error!.ErrorType);
        Assert.StartsWith("The event is not valid JSON for Greeting:", result.Error.ErrorMessage);
        using var json = JsonDocument.Parse(result.Error.Json);
        Assert.Equal("Runtime.SerializationError", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("cause").ValueKind);
        Assert.Contains(result.LogLines, line => line.EndsWith($"\t{result.RequestId}\tERROR\tInvocation failed: Runtime.SerializationError: {result.Error.ErrorMessage}"));
    }

    [Fact]
    public async Task A_handler_exception_is_reported_as_the_runtime_sends_it_with_its_cause()
    {
        var host = new LambdaTestHost(LambdaHandler.Bytes(ReadOnlyMemory<byte> (ReadOnlyMemory<byte> e, ILambdaContext c) =>
            throw new InvalidOperationException("boom", new TimeoutException("upstream"))));

        var result = await host.InvokeAsync("{}");

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("boom", result.Error.ErrorMessage);
        Assert.False(result.Error.InTrailers);
        Assert.StartsWith("""{"errorMessage":"boom","errorType":"InvalidOperationException","stackTrace":[""", result.Error.Json);
        Assert.Contains("""
            "cause":{"errorMessage":"upstream","errorType":"TimeoutException"
            """, result.Error.Json);
        Assert.Contains("\"exceptions\":[{\"type\":\"InvalidOperationException\",\"message\":\"boom\"", result.Error.XRayErrorCause);
    }

    [Fact]
    public async Task The_log_holds_the_handlers_lines_at_or_above_the_level_in_the_runtimes_format()
    {
        var handler = LambdaHandler.Bytes((ReadOnlyMemory<byte> e, ILambdaContext c) =>
        {
            c.Logger.Log(LogLevel.Debug, "hidden");
            c.Logger.Log(LogLevel.Information, "handled " + Encoding.UTF8.GetString(e.Span));
            return e;
        });

        var text = await new LambdaTestHost(handler).InvokeAsync("x", new TestInvocationOptions { RequestId = "req-1" });
        var json = await new LambdaTestHost(handler, new LambdaTestHostOptions { JsonLogFormat = true, LogLevel = LogLevel.Debug })
            .InvokeAsync("y", new TestInvocationOptions { RequestId = "req-2", TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793" });

        var line = Assert.Single(text.LogLines);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-1\tINFO\thandled x$", line);
        Assert.Equal(2, json.LogLines.Count);
        using var entry = JsonDocument.Parse(json.LogLines[1]);
        Assert.Equal("INFO", entry.RootElement.GetProperty("level").GetString());
        Assert.Equal("req-2", entry.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("handled y", entry.RootElement.GetProperty("message").GetString());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", entry.RootElement.GetProperty("traceId").GetString());
    }

    // The only test of this assembly that turns the Powertools fields on, since that lasts for the process.
    [Fact]
    public async Task Json_lines_carry_the_Powertools_fields_once_the_function_turns_them_on_and_the_handlers_first_invocation_is_its_cold_start()
    {
        static LambdaHandler Handler() => LambdaHandler.Bytes((ReadOnlyMemory<byte> e, ILambdaContext c) =>
        {
            c.Logger.LogInformation("handled");
            return e;
        });
        var options = new LambdaTestHostOptions { JsonLogFormat = true, FunctionName = "orders" };

        var before = await new LambdaTestHost(Handler(), options).InvokeAsync("x");
        using (var line = JsonDocument.Parse(Assert.Single(before.LogLines)))
        {
            Assert.False(line.RootElement.TryGetProperty("function_name", out _));
            Assert.False(line.RootElement.TryGetProperty("cold_start", out _));
        }

        PowertoolsLogging.Enable();
        var host = new LambdaTestHost(Handler(), options);
        var first = await host.InvokeAsync("x");
        var second = await host.InvokeAsync("y");

        using var cold = JsonDocument.Parse(Assert.Single(first.LogLines));
        using var warm = JsonDocument.Parse(Assert.Single(second.LogLines));
        Assert.Equal("orders", cold.RootElement.GetProperty("function_name").GetString());
        Assert.True(cold.RootElement.GetProperty("cold_start").GetBoolean());
        Assert.False(warm.RootElement.GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public async Task Client_context_identity_trace_tenant_arn_and_deadline_reach_the_context()
    {
        var host = new LambdaTestHost(LambdaHandler.Json((ILambdaContext c) => new Described(
            c.ClientContext?.Client?.AppTitle, c.ClientContext?.Custom.GetValueOrDefault("plan"), c.Identity?.IdentityId,
            c.RemainingTime.TotalMilliseconds, c.TraceId, c.TenantId, c.InvokedFunctionArn), HostJson.Default.Described));

        var result = await host.InvokeAsync("{}", new TestInvocationOptions
        {
            ClientContext = """
                {"client": {"installation_id": "i-1", "app_title": "Notes"},
                 "custom": {"plan": "pro"}, "env": {"locale": "en"}}
                """,
            Identity = """{"cognitoIdentityId": "us-east-1:abc", "cognitoIdentityPoolId": "us-east-1:pool"}""",
            TraceId = "Root=1-1-1",
            TenantId = "tenant-7",
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:notes:live",
            Timeout = TimeSpan.FromSeconds(5),
        });

        var described = result.ReadResponse(HostJson.Default.Described)!;
        Assert.Equal("Notes", described.App);
        Assert.Equal("pro", described.Custom);
        Assert.Equal("us-east-1:abc", described.IdentityId);
        Assert.InRange(described.RemainingMs, 1, 5000);
        Assert.Equal("Root=1-1-1", described.TraceId);
        Assert.Equal("tenant-7", described.TenantId);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:notes:live", described.Arn);
    }

    [Fact]
    public async Task A_handler_that_waits_on_its_token_is_cancelled_at_the_deadline()
    {
        var host = new LambdaTestHost(LambdaHandler.Bytes(async (ReadOnlyMemory<byte> e, ILambdaContext c) =>
        {
            await Task.Delay(Timeout.Infinite, c.CancellationToken);
            return e;
        }), new LambdaTestHostOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        var result = await host.InvokeAsync("{}");

        Assert.Equal("TaskCanceledException", result.Error!.ErrorType);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_streamed_response_arrives_as_its_flushes_in_order_with_its_content_type()
    {
        var host = new LambdaTestHost(LambdaHandler.Streaming(async (ReadOnlyMemory<byte> e, ResponseStream response, ILambdaContext c) =>
        {
            response.ContentType = "text/plain";
            for (int i = 0; i < 3; i++)
            {
                await response.WriteAsync(Encoding.UTF8.GetBytes($"chunk {i}\n").AsMemory(), c.CancellationToken);
                await response.FlushAsync();
            }
        }));

        var result = await host.InvokeAsync("{}");

        Assert.True(result.IsStreamed);
        Assert.False(result.IsError);
        Assert.Equal("text/plain", result.ContentType);
        Assert.Equal(["chunk 0\n", "chunk 1\n", "chunk 2\n"], result.Chunks.Select(c => Encoding.UTF8.GetString(c)));
        Assert.Equal("chunk 0\nchunk 1\nchunk 2\n", result.ResponseText);
    }

    [Fact]
    public async Task A_stream_that_fails_after_its_first_flush_ends_with_the_error_in_its_trailers()
    {
        var host = new LambdaTestHost(LambdaHandler.Streaming((ReadOnlyMemory<byte> e, ResponseStream response, ILambdaContext c) =>
        {
            response.Write("partial"u8);
            response.Flush();
            throw new IOException("disk gone");
        }));

        var result = await host.InvokeAsync("{}");

        Assert.Equal("partial", result.ResponseText);
        Assert.True(result.Error!.InTrailers);
        Assert.Equal("IOException", result.Error.ErrorType);
        Assert.Equal("disk gone", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_response_over_Lambdas_limit_becomes_a_ResponseSizeTooLarge_report()
    {
        var host = new LambdaTestHost(LambdaHandler.Bytes((ReadOnlyMemory<byte> e, ILambdaContext c) => new byte[6 * 1024 * 1024 + 101]));
        var result = await host.InvokeAsync("{}");
        Assert.Equal("Function.ResponseSizeTooLarge", result.Error!.ErrorType);
        Assert.Equal("Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Invocations_run_side_by_side_each_with_its_own_reply()
    {
        var host = new LambdaTestHost(Handlers, "greet");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => host.InvokeAsync($$"""{"name":"n{{i}}"}""")));
        for (int i = 0; i < results.Length; i++)
            Assert.Equal($$"""{"message":"Hello, n{{i}}!"}""", results[i].ResponseText);
    }
}
