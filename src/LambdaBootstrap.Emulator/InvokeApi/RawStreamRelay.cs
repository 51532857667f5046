using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// <c>POST /2015-03-31/functions/{name}/response-streaming-invocations</c>: a streamed response sent on as it
/// arrives, one HTTP chunk per piece, with the function's Content-Type, and a mid-stream error as the trailers
/// <c>Lambda-Runtime-Function-Error-Type</c> and <c>Lambda-Runtime-Function-Error-Body</c> (base64 error JSON).
/// Until the first byte nothing is sent, so an error before it is answered as Invoke answers it, and a buffered
/// response comes as one chunk.
/// </summary>
internal static class RawStreamRelay
{
    public static async Task RelayAsync(InvokeCall call)
    {
        var context = call.Context;
        var pending = call.Pending;
        var invocation = await pending.Invocation;
        await Task.WhenAny(invocation.StreamingStarted, pending.Result);
        try
        {
            if (!invocation.StreamingStarted.IsCompleted)
            {
                var result = await pending.Result;
                if (result.Outcome.IsError)
                {
                    await call.WriteResultAsync(result);
                    return;
                }
                call.WriteHeaders(result.RequestId, "application/json");
                var whole = ChunkedResponseWriter.Start(context.Response);
                await whole.WriteAsync(result.Outcome.Body, context.RequestAborted);
                await whole.EndAsync([], context.RequestAborted);
                return;
            }

            var stream = await invocation.StreamingStarted;
            call.WriteHeaders(invocation.RequestId, stream.ContentType);
            var writer = ChunkedResponseWriter.Start(context.Response, RuntimeApiServer.ErrorTypeHeader, RuntimeApiServer.ErrorBodyTrailer);
            await foreach (var piece in stream.ReadAllAsync(context.RequestAborted))
                await writer.WriteAsync(piece, context.RequestAborted);
            var outcome = (await pending.Result).Outcome;
            await writer.EndAsync(outcome.IsError
                ? [new(RuntimeApiServer.ErrorTypeHeader, outcome.ErrorType ?? "Unhandled"), new(RuntimeApiServer.ErrorBodyTrailer, Convert.ToBase64String(outcome.Body))]
                : [], context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; the invocation runs on and still gets its REPORT line.
        }
    }
}
