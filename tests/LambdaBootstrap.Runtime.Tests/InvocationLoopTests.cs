using System.Text;
using System.Text.Json;
using Bootstrap.TestSupport.RuntimeApi;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace RuntimeTests;

/// <summary>
/// The invocation loop in this process against the scripted Runtime API on a loopback socket: each handler kind's
/// reply, the error report, and what the loop does with the Runtime API's 410, 413, 500 and a closed connection.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationLoopTests : IAsyncDisposable
{
    private const string OrderJson = "{\"Id\":\"A-1\",\"Quantity\":3}";
    private readonly ClientUnderTest _runtime = new();

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private static ReadOnlyMemory<byte> Fail(ReadOnlyMemory<byte> @event, ILambdaContext context) => throw new InvalidOperationException("boom");

    private static Stream Upper(Stream input) => new MemoryStream(Encoding.UTF8.GetBytes(new StreamReader(input).ReadToEnd().ToUpperInvariant()));

    private static Receipt ReceiptFor(Order order) => new(order.Id, order.Quantity * 2.5m, "thanks");

    /// <summary>Every buffered kind, sync and async, by name: each turns <see cref="OrderJson"/> into a response of its own.</summary>
    private static readonly Dictionary<string, (Func<LambdaHandler> Handler, string Response)> BufferedKinds = new()
    {
        ["bytes"] = (() => LambdaHandler.Bytes((e, c) => e.ToArray().Reverse().ToArray()), new string(OrderJson.Reverse().ToArray())),
        ["bytes-async"] = (() => LambdaHandler.Bytes(async (e, c) => { await Task.Yield(); return e.ToArray().Reverse().ToArray(); }), new string(OrderJson.Reverse().ToArray())),
        ["json"] = (() => LambdaHandler.Json<Order, Receipt>((o, c) => ReceiptFor(o), TestJsonContext.Default.Order, TestJsonContext.Default.Receipt),
            "{\"OrderId\":\"A-1\",\"Total\":7.5,\"Note\":\"thanks\"}"),
        ["json-async"] = (() => LambdaHandler.Json<Order, Receipt>(async (o, c) => { await Task.Yield(); return ReceiptFor(o); }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt),
            "{\"OrderId\":\"A-1\",\"Total\":7.5,\"Note\":\"thanks\"}"),
        ["stream-buffered"] = (() => LambdaHandler.StreamBuffered((s, c) => Upper(s)), OrderJson.ToUpperInvariant()),
        ["stream-buffered-async"] = (() => LambdaHandler.StreamBuffered(async (s, c) => { await Task.Yield(); return Upper(s); }), OrderJson.ToUpperInvariant()),
    };

    public static TheoryData<string> BufferedKindNames() => [.. BufferedKinds.Keys];

    [Theory]
    [MemberData(nameof(BufferedKindNames))]
    public async Task A_buffered_handler_s_result_is_the_response_of_its_invocation(string kind)
    {
        var (handler, expected) = BufferedKinds[kind];
        var loop = _runtime.Loop(handler());
        string id = _runtime.Api.Enqueue(OrderJson);

        await _runtime.RunOnceAsync(loop);

        var reply = Assert.Single(_runtime.Api.RepliesFor(id));
        Assert.Equal(("POST", $"/2018-06-01/runtime/invocation/{id}/response"), (reply.Method, reply.Path));
        Assert.Equal(expected, reply.BodyText);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected).ToString(), reply.Header("Content-Length"));
    }

    public static TheoryData<bool> Sync() => [false, true];

    [Theory]
    [MemberData(nameof(Sync))]
    public async Task A_streaming_handler_s_writes_go_out_as_a_chunked_streamed_response(bool async)
    {
        var loop = _runtime.Loop(async
            ? LambdaHandler.Streaming(async (e, response, c) =>
            {
                response.ContentType = "text/plain";
                await response.WriteAsync("first "u8.ToArray(), CancellationToken.None);
                await response.FlushAsync();
                await response.WriteAsync(e, CancellationToken.None);
            })
            : LambdaHandler.Streaming((e, response, c) =>
            {
                response.ContentType = "text/plain";
                response.Write("first "u8);
                response.Flush();
                response.Write(e.Span);
            }));
        string id = _runtime.Api.Enqueue("second");

        await _runtime.RunOnceAsync(loop);

        var reply = Assert.Single(_runtime.Api.RepliesFor(id));
        Assert.Equal("streaming", reply.Header("Lambda-Runtime-Function-Response-Mode"));
        Assert.Equal("chunked", reply.Header("Transfer-Encoding"));
        Assert.Equal("text/plain", reply.Header("Content-Type"));
        Assert.Equal("first second", reply.BodyText);
        Assert.Equal([6, 6], reply.ChunkSizes);
        Assert.Null(reply.Header("Lambda-Runtime-Function-Error-Type"));
    }

    [Fact]
    public async Task A_handler_s_exception_is_reported_as_the_invocation_s_error_and_the_loop_goes_on()
    {
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, c) => e.Span.SequenceEqual("fail"u8) ? throw new InvalidOperationException("boom") : e));
        string failing = _runtime.Api.Enqueue("fail");
        string next = _runtime.Api.Enqueue("fine");

        await _runtime.RunOnceAsync(loop);
        await _runtime.RunOnceAsync(loop);

        var report = Assert.Single(_runtime.Api.RepliesFor(failing));
        Assert.Equal($"/2018-06-01/runtime/invocation/{failing}/error", report.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", report.Header("Content-Type"));
        Assert.Equal("InvalidOperationException", report.Header("Lambda-Runtime-Function-Error-Type"));
        using var json = JsonDocument.Parse(report.Body);
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("boom", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Equal("fine", Assert.Single(_runtime.Api.RepliesFor(next)).BodyText);
        Assert.Contains("InvalidOperationException: boom", _runtime.LogText);
    }

    [Fact]
    public async Task The_invocation_id_from_next_goes_back_on_that_invocation_s_replies()
    {
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, c) => e.Span.SequenceEqual("fail"u8) ? throw new InvalidOperationException("boom") : e));
        string answered = _runtime.Api.Enqueue("ok", ("Lambda-Runtime-Invocation-Id", "invocation-1"));
        string failed = _runtime.Api.Enqueue("fail", ("Lambda-Runtime-Invocation-Id", "invocation-2"));
        string without = _runtime.Api.Enqueue("ok");

        for (int i = 0; i < 3; i++)
            await _runtime.RunOnceAsync(loop);

        Assert.Equal("invocation-1", Assert.Single(_runtime.Api.RepliesFor(answered)).Header("Lambda-Runtime-Invocation-Id"));
        Assert.Equal("invocation-2", Assert.Single(_runtime.Api.RepliesFor(failed)).Header("Lambda-Runtime-Invocation-Id"));
        Assert.Null(Assert.Single(_runtime.Api.RepliesFor(without)).Header("Lambda-Runtime-Invocation-Id"));
    }

    [Fact]
    public async Task A_410_on_a_reply_is_logged_and_the_loop_goes_on()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Answer.Gone());
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, c) => e));
        string late = _runtime.Api.Enqueue("late");
        string next = _runtime.Api.Enqueue("next");

        await _runtime.RunOnceAsync(loop);
        await _runtime.RunOnceAsync(loop);

        Assert.Single(_runtime.Api.RepliesFor(late));
        Assert.Equal("next", Assert.Single(_runtime.Api.RepliesFor(next)).BodyText);
        Assert.Contains($"WARN\tRuntime API answered 410 to the response for {late}", _runtime.LogText);
    }

    [Fact]
    public async Task A_413_on_a_response_becomes_a_ResponseSizeTooLarge_error_report_for_that_request()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Answer.PayloadTooLarge());
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, c) => new byte[1000]));
        string id = _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Invocation-Id", "invocation-1"));

        await _runtime.RunOnceAsync(loop);

        var replies = _runtime.Api.RepliesFor(id);
        Assert.Equal(2, replies.Count);
        var report = replies[1];
        Assert.Equal($"/2018-06-01/runtime/invocation/{id}/error", report.Path);
        Assert.Equal("Function.ResponseSizeTooLarge", report.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("invocation-1", report.Header("Lambda-Runtime-Invocation-Id"));
        using var json = JsonDocument.Parse(report.Body);
        Assert.Equal("Function.ResponseSizeTooLarge", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("Response payload size (1000 bytes) exceeded maximum allowed payload size (6291556 bytes).",
            json.RootElement.GetProperty("errorMessage").GetString());
    }

    [Theory]
    [InlineData(RuntimeApiCall.Response)]
    [InlineData(RuntimeApiCall.Error)]
    [InlineData(RuntimeApiCall.StreamedResponse)]
    [InlineData(RuntimeApiCall.Next)]
    public async Task A_500_ends_the_loop_with_a_failure(RuntimeApiCall call)
    {
        // The second occurrence: the first invocation shows the loop was running.
        _runtime.Api.Script(call, call == RuntimeApiCall.Next ? 2 : 1, Answer.ServerError());
        var loop = _runtime.Loop(call switch
        {
            RuntimeApiCall.Error => LambdaHandler.Bytes(Fail),
            RuntimeApiCall.StreamedResponse => LambdaHandler.Streaming((e, response, c) => response.Write(e.Span)),
            _ => LambdaHandler.Bytes((e, c) => e),
        });
        _runtime.Api.Enqueue("first");
        _runtime.Api.Enqueue("never handled");

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => ClientUnderTest.OnItsOwnThread(loop.Run));

        Assert.Contains("answered 500", failure.Message);
        Assert.Equal(1, _runtime.Api.Received.Count(r => r.Call is not RuntimeApiCall.Next));
    }

    [Fact]
    public async Task A_connection_the_server_closes_between_invocations_is_reopened()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Fault.CloseAfterAnswer);
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, c) => e));
        string first = _runtime.Api.Enqueue("first");
        string second = _runtime.Api.Enqueue("second");

        await _runtime.RunOnceAsync(loop);
        await _runtime.RunOnceAsync(loop);

        Assert.Equal(1, Assert.Single(_runtime.Api.Received, r => r.RequestId == first).Connection);
        Assert.Equal("second", Assert.Single(_runtime.Api.RepliesFor(second)).BodyText);
        Assert.Equal(2, Assert.Single(_runtime.Api.Received, r => r.RequestId == second).Connection);
        Assert.Equal(2, _runtime.Api.ConnectionCount);
    }
}
