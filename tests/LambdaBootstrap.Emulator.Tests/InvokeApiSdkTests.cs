using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.InvokeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The Invoke API driven by the official AWS SDK for JavaScript (<c>@aws-sdk/client-lambda</c>) as a real client.</summary>
public sealed class InvokeApiSdkTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:012345678912:function:function";

    [Fact]
    public async Task Invoke_by_name_qualifier_or_ARN_returns_the_payload_and_echoes_the_version()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("context");
        var results = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "{}" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Qualifier"] = "live", ["Payload"] = "{}" }),
            SdkClient.Invoke(new() { ["FunctionName"] = Arn + ":$LATEST", ["Payload"] = "{}" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "012345678912:function:function" }));

        Assert.All(results, r => Assert.Equal(200, r.GetProperty("StatusCode").GetInt32()));
        Assert.Equal(["$LATEST", "live", "$LATEST", "$LATEST"], results.Select(r => r.GetProperty("ExecutedVersion").GetString()));
        // The function sees the qualifier it was invoked with at the end of its ARN, as on Lambda.
        var arns = results.Select(r => JsonDocument.Parse(r.GetProperty("Payload").GetString()!).RootElement.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal([Arn, Arn + ":live", Arn + ":$LATEST", Arn], arns);
        Assert.All(results, r => Assert.False(r.TryGetProperty("FunctionError", out _)));
    }

    [Fact]
    public async Task An_unknown_function_is_ResourceNotFoundException_for_both_operations()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("echo");
        var results = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Invoke(new() { ["FunctionName"] = "nope", ["Payload"] = "{}" }),
            SdkClient.Stream(new() { ["FunctionName"] = "nope", ["Qualifier"] = "live", ["Payload"] = "{}" }));

        Assert.Equal("ResourceNotFoundException", results[0].GetProperty("error").GetString());
        Assert.Equal(404, results[0].GetProperty("status").GetInt32());
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:012345678912:function:nope", results[0].GetProperty("message").GetString());
        Assert.Equal("User", results[0].GetProperty("type").GetString());
        Assert.Equal("ResourceNotFoundException", results[1].GetProperty("error").GetString());
        Assert.EndsWith("function:nope:live", results[1].GetProperty("message").GetString());
        Assert.Empty(emulator.Reports);

        // On the wire: Lambda's header and body.
        using var response = await emulator.Http.PostAsync("/2015-03-31/functions/nope/invocations", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("{\"Type\":\"User\",\"Message\":\"Function not found: arn:aws:lambda:us-east-1:012345678912:function:nope\"}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LogType_Tail_returns_the_last_4KB_of_that_invocations_log()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("log", BootstrapBinaries.TestFunction);
        string longWord = new('w', 1500); // six lines of it are more than 4 KB
        var results = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "\"first\"", ["LogType"] = "Tail" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "\"second\"" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = $"\"{longWord}\"", ["LogType"] = "Tail" }));

        string log = results[0].GetProperty("Log").GetString()!;
        string requestId = Between(log, "START RequestId: ", " ");
        var lines = log.TrimEnd('\n').Split('\n');
        Assert.Equal($"START RequestId: {requestId} Version: $LATEST", lines[0]);
        Assert.Contains(lines, l => l.Contains("\tINFO\t") && l.Contains("says \"first\""));
        Assert.Contains("console says \"first\"", lines);
        Assert.Equal($"END RequestId: {requestId}", lines[^2]);
        Assert.StartsWith($"REPORT RequestId: {requestId}\tDuration: ", lines[^1]);
        Assert.Contains("Init Duration", lines[^1]);
        Assert.DoesNotContain("second", log);

        Assert.False(results[1].TryGetProperty("Log", out _)); // not asked for, not sent
        string tail = results[2].GetProperty("Log").GetString()!;
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(tail), 4000, 4096);
        Assert.EndsWith("MB\n", tail);
        Assert.DoesNotContain("START RequestId", tail); // cut from the front
        Assert.DoesNotContain("first", tail);
    }

    [Fact]
    public async Task A_function_error_is_FunctionError_Unhandled_and_Event_and_DryRun_answer_202_and_204()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("fail");
        var results = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "{}" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "{}", ["InvocationType"] = "Event" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "{}", ["InvocationType"] = "DryRun" }));

        Assert.Equal("Unhandled", results[0].GetProperty("FunctionError").GetString());
        Assert.Equal("InvalidOperationException", JsonDocument.Parse(results[0].GetProperty("Payload").GetString()!).RootElement.GetProperty("errorType").GetString());
        Assert.Equal(202, results[1].GetProperty("StatusCode").GetInt32());
        Assert.Equal(204, results[2].GetProperty("StatusCode").GetInt32());
    }

    [Fact]
    public async Task InvokeWithResponseStream_relays_each_flush_as_a_PayloadChunk_as_it_comes_then_InvokeComplete()
    {
        await using var fake = await FakeFunction.StartAsync();
        using var client = SdkClient.Start(fake.Server.Port, SdkClient.Stream(new() { ["FunctionName"] = "function", ["Payload"] = "{}", ["Qualifier"] = "$LATEST" }));
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId, "text/event-stream");
        await runtime.SendChunkAsync("chunk 0\n");

        var head = await client.NextAsync();
        Assert.Equal(200, head.GetProperty("StatusCode").GetInt32());
        Assert.Equal("$LATEST", head.GetProperty("ExecutedVersion").GetString());
        Assert.Equal("application/vnd.amazon.eventstream", head.GetProperty("ResponseStreamContentType").GetString());
        // The first chunk reaches the SDK while the function has not yet written the second.
        Assert.Equal("chunk 0\n", (await client.NextAsync()).GetProperty("text").GetString());
        await runtime.SendChunkAsync("chunk 1\n");
        Assert.Equal("chunk 1\n", (await client.NextAsync()).GetProperty("text").GetString());
        await runtime.EndChunksAsync([]);

        var complete = await client.NextAsync();
        Assert.Equal("InvokeComplete", complete.GetProperty("event").GetString());
        Assert.False(complete.TryGetProperty("ErrorCode", out _));
        Assert.True((await client.NextAsync()).GetProperty("end").GetBoolean());
        Assert.Equal(202, (await runtime.ReadResponseAsync()).Status);
    }

    [Fact]
    public async Task InvokeWithResponseStream_reports_a_mid_stream_error_and_the_log_in_InvokeComplete()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("stream");
        var lines = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Stream(new() { ["FunctionName"] = "function", ["Payload"] = "{\"chunks\":3,\"failAfter\":2}", ["LogType"] = "Tail" }));

        // Two flushes close together may arrive as one read: what counts here is the bytes, then the error.
        Assert.Equal("chunk 0\nchunk 1\n", string.Concat(lines.Where(l => l.TryGetProperty("text", out _)).Select(l => l.GetProperty("text").GetString())));
        var complete = lines.Single(l => l.TryGetProperty("event", out var e) && e.GetString() == "InvokeComplete");
        Assert.Equal("InvalidOperationException", complete.GetProperty("ErrorCode").GetString());
        Assert.Equal("failed after 2 chunks", complete.GetProperty("ErrorDetails").GetString());
        Assert.Contains("REPORT RequestId: ", complete.GetProperty("Log").GetString());
    }

    [Fact]
    public async Task InvokeWithResponseStream_of_a_buffered_function_is_one_chunk_and_its_error_is_in_InvokeComplete()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("greet");
        var lines = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Stream(new() { ["FunctionName"] = "function", ["Payload"] = "{\"name\":\"Ada\"}" }),
            SdkClient.Stream(new() { ["FunctionName"] = "function", ["Payload"] = "[1]" }));

        var chunks = lines.Where(l => l.TryGetProperty("text", out _)).Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Equal(["{\"message\":\"Hello, Ada!\"}"], chunks);
        var completes = lines.Where(l => l.TryGetProperty("event", out var e) && e.GetString() == "InvokeComplete").ToList();
        Assert.Equal(2, completes.Count);
        Assert.False(completes[0].TryGetProperty("ErrorCode", out _));
        Assert.Equal("Runtime.SerializationError", completes[1].GetProperty("ErrorCode").GetString());
    }

    [Fact]
    public async Task The_Invoke_APIs_own_errors_have_Lambdas_shapes()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("echo");
        var results = await SdkClient.RunAsync(emulator.Server.Port,
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "not json" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["PayloadDigits"] = InvokeServer.MaxSyncPayloadBytes + 1 }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["PayloadDigits"] = InvokeServer.MaxAsyncPayloadBytes + 1, ["InvocationType"] = "Event" }),
            SdkClient.Invoke(new() { ["FunctionName"] = "function", ["PayloadDigits"] = InvokeServer.MaxAsyncPayloadBytes + 1 }),
            SdkClient.Stream(new() { ["FunctionName"] = "function", ["Payload"] = "{oops" }));

        Assert.Equal(("InvalidRequestContentException", 400), Error(results[0]));
        Assert.StartsWith("Could not parse request body into json", results[0].GetProperty("message").GetString());
        Assert.Equal(("RequestTooLargeException", 413), Error(results[1]));
        Assert.Equal("Request must be smaller than 6291456 bytes for the Invoke operation", results[1].GetProperty("message").GetString());
        Assert.Equal(("RequestTooLargeException", 413), Error(results[2]));
        Assert.Contains("1048576 bytes", results[2].GetProperty("message").GetString());
        Assert.Equal(200, results[3].GetProperty("StatusCode").GetInt32()); // over 1 MB is fine synchronously
        Assert.Equal(("InvalidRequestContentException", 400), Error(results[4]));
        Assert.Single(emulator.Reports);
    }

    [Fact]
    public async Task A_full_queue_is_TooManyRequestsException_with_Retry_After()
    {
        await using var fake = await FakeFunction.StartAsync(maxQueuedInvokes: 1);
        var running = fake.InvokeAsync("1");
        var next = await fake.Runtime.NextAsync(); // the first runs
        var waiting = fake.InvokeAsync("2");       // the second waits: the queue is full
        await Until.TrueAsync(() => fake.Function.QueuedInvokes == 1);

        var results = await SdkClient.RunAsync(fake.Server.Port, SdkClient.Invoke(new() { ["FunctionName"] = "function", ["Payload"] = "3" }));
        Assert.Equal(("TooManyRequestsException", 429), Error(results[0]));
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", results[0].GetProperty("reason").GetString());
        using var plain = await fake.InvokeAsync("4");
        Assert.Equal((HttpStatusCode)429, plain.StatusCode);
        Assert.Equal("1", plain.Headers.RetryAfter?.ToString());

        (await fake.Runtime.RespondAsync(next.RequestId, "1", next.InvocationId)).Dispose();
        var second = await fake.Runtime.NextAsync();
        (await fake.Runtime.RespondAsync(second.RequestId, "2", second.InvocationId)).Dispose();
        Assert.Equal("1", await (await running).Content.ReadAsStringAsync());
        Assert.Equal("2", await (await waiting).Content.ReadAsStringAsync());
    }

    private static (string?, int) Error(JsonElement result) =>
        (result.TryGetProperty("error", out var e) ? e.GetString() : $"no error: {result}", result.TryGetProperty("status", out var s) ? s.GetInt32() : 0);

    private static string Between(string text, string before, string after)
    {
        int start = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        return text[start..text.IndexOf(after, start, StringComparison.Ordinal)];
    }
}
