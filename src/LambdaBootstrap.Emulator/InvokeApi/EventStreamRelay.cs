using System.Text.Json;
using LambdaBootstrap.Emulator.Function;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// InvokeWithResponseStream, <c>POST /2021-11-15/functions/{name}/response-streaming-invocations</c>, as Lambda
/// answers it: 200 with <c>application/vnd.amazon.eventstream</c>, a <c>PayloadChunk</c> event for each piece as the
/// function flushes it (a buffered response is one chunk), then one <c>InvokeComplete</c> event, with
/// <c>ErrorCode</c> (the error type) and <c>ErrorDetails</c> (its message) when the invocation failed, and
/// <c>LogResult</c> with <c>LogType: Tail</c>.
/// </summary>
internal static class EventStreamRelay
{
    public const string ContentType = "application/vnd.amazon.eventstream";

    public static async Task RelayAsync(InvokeCall call)
    {
        var context = call.Context;
        var pending = call.Pending;
        var invocation = await pending.Invocation;
        call.WriteHeaders(invocation.RequestId, ContentType);
        var body = context.Response.BodyWriter;
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            await Task.WhenAny(invocation.StreamingStarted, pending.Result);
            if (invocation.StreamingStarted.IsCompleted)
            {
                await foreach (var piece in (await invocation.StreamingStarted).ReadAllAsync(context.RequestAborted))
                    await body.WriteAsync(PayloadChunk(piece.Span), context.RequestAborted);
            }
            var result = await pending.Result;
            if (!invocation.StreamingStarted.IsCompleted && !result.Outcome.IsError && result.Outcome.Body.Length > 0)
                await body.WriteAsync(PayloadChunk(result.Outcome.Body), context.RequestAborted);
            await body.WriteAsync(InvokeComplete(result, call.TailLog), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; the invocation runs on and still gets its REPORT line.
        }
    }

    private static byte[] PayloadChunk(ReadOnlySpan<byte> piece) =>
        EventStreamMessage.Event("PayloadChunk", "application/octet-stream", piece);

    private static byte[] InvokeComplete(InvokeResult result, bool tailLog)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (result.Outcome.IsError)
            {
                json.WriteString("ErrorCode", result.Outcome.ErrorType ?? "Unhandled");
                json.WriteString("ErrorDetails", result.Outcome.ErrorMessage);
            }
            if (tailLog && result.Log is { } log)
                json.WriteString("LogResult", log.TailBase64());
            json.WriteEndObject();
        }
        return EventStreamMessage.Event("InvokeComplete", "application/json", buffer.ToArray());
    }
}
