using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Every handler shape, sync and async, in a separate function project built through build/.</summary>
[Trait(Suite.Name, Suite.Conformance)]
[Collection(TimingSensitive.Name)]
public sealed class HandlerShapeTests
{
    private static Task<FunctionUnderTest> Start(string handler, RuntimeApiOptions? options = null, Dictionary<string, string>? environment = null) =>
        FunctionUnderTest.StartAsync(handler, options, environment, BootstrapBinaries.TestFunction);

    [Fact]
    public async Task Async_bytes_handler()
    {
        await using var function = await Start("bytes-async");
        Assert.Equal("cba", (await function.InvokeAsync("abc")).BodyText);
        Assert.Equal("fed", (await function.InvokeAsync("def")).BodyText);
    }

    [Fact]
    public async Task StreamBuffered_handlers_sync_and_async()
    {
        await using (var function = await Start("stream-buffered"))
            Assert.Equal("abc!", (await function.InvokeAsync("abc")).BodyText);
        await using (var function = await Start("stream-buffered-async"))
            Assert.Equal("ABC", (await function.InvokeAsync("abc")).BodyText);
    }

    [Fact]
    public async Task Async_typed_handler_and_a_bad_event_followed_by_a_good_one()
    {
        await using var function = await Start("add-async");
        Assert.Equal("{\"total\":5}", (await function.InvokeAsync("{\"a\":2,\"b\":3}")).BodyText);
        var bad = await function.InvokeAsync("{\"a\":\"two\"}");
        Assert.Equal("Runtime.SerializationError", bad.ErrorType);
        Assert.Equal("{\"total\":10}", (await function.InvokeAsync("{\"a\":4,\"b\":6}")).BodyText);
    }

    [Fact]
    public async Task The_cancellation_token_fires_at_the_deadline()
    {
        await using var function = await Start("deadline", new() { Timeout = TimeSpan.FromMilliseconds(700) });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await function.InvokeAsync("{}");
        Assert.StartsWith("cancelled, ", outcome.BodyText);
        Assert.True(started.ElapsedMilliseconds >= 600, $"cancelled after only {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Text_logs_carry_timestamp_request_id_and_level_and_console_output_reaches_the_log()
    {
        await using var function = await Start("log");
        var invocation = function.Api.Enqueue("hi"u8.ToArray());
        await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);
        await function.WaitForStdoutAsync(l => l.Contains("console says hi"));

        var lines = function.Stdout.Where(l => l.Contains(" says hi")).ToList();
        // Default level INFO: trace and debug are filtered out.
        Assert.DoesNotContain(lines, l => l.Contains("level 0") || l.Contains("level 1"));
        foreach (var (level, name) in new[] { (2, "INFO"), (3, "WARN"), (4, "ERROR"), (5, "FATAL") })
        {
            string line = Assert.Single(lines, l => l.Contains($"level {level} says hi"));
            var parts = line.Split('\t');
            Assert.Equal(4, parts.Length);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", parts[0]);
            Assert.Equal(invocation.RequestId, parts[1]);
            Assert.Equal(name, parts[2]);
        }
        Assert.Contains("console says hi", lines);
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_and_the_level_filters()
    {
        await using var function = await Start("log", environment: new() { ["AWS_LAMBDA_LOG_FORMAT"] = "JSON", ["AWS_LAMBDA_LOG_LEVEL"] = "TRACE" });
        var invocation = function.Api.Enqueue("hi"u8.ToArray(), new InvokeOptions { TraceId = "Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa" });
        await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);
        await function.WaitForStdoutAsync(l => l.Contains("console says hi"));

        var objects = function.Stdout.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], objects.Select(o => o.GetProperty("level").GetString()));
        foreach (var o in objects)
        {
            Assert.Equal(invocation.RequestId, o.GetProperty("requestId").GetString());
            Assert.Equal("Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa", o.GetProperty("traceId").GetString());
            Assert.EndsWith("says hi", o.GetProperty("message").GetString());
            Assert.True(DateTimeOffset.TryParse(o.GetProperty("timestamp").GetString(), out _));
        }
    }

    [Fact]
    public async Task The_log_level_filters_lower_levels()
    {
        await using var function = await Start("log", environment: new() { ["AWS_LAMBDA_LOG_LEVEL"] = "ERROR" });
        await function.InvokeAsync("hi");
        await function.WaitForStdoutAsync(l => l.Contains("console says hi"));
        Assert.Equal(["ERROR", "FATAL"], function.Stdout.Where(l => l.Contains("level ")).Select(l => l.Split('\t')[2]));
    }
}
