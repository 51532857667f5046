using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// A streamed <c>/response</c> (<c>Lambda-Runtime-Function-Response-Mode: streaming</c>, chunked, maybe with error
/// trailers): read into its invocation as it arrives, then the invocation is settled from how the stream ended.
/// </summary>
internal static class StreamedReply
{
    public static bool IsStreamed(HttpRequest request) =>
        string.Equals(request.Headers[RuntimeApiServer.ResponseModeHeader].ToString(), "streaming", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an accepted streamed response and answers the runtime.</summary>
    public static async Task ReadAsync(RuntimeApiServer server, HttpContext context, Invocation invocation)
    {
        var options = server.Options;
        var stream = invocation.BeginStream(context.Request.ContentType is { Length: > 0 } type ? type : "application/octet-stream", options.TimeProvider);
        // For whoever wraps the server (see RuntimeApiOptions.Middleware): the body this request carried.
        context.Items[typeof(StreamedResponseRecording)] = stream;
        using var deadline = options.EnforceDeadline ? new CancellationTokenSource(UntilAfter(invocation.Deadline, options.TimeProvider), options.TimeProvider) : null;
        var result = await StreamedResponseReader.ReadAsync(context, invocation, options.MaxStreamedResponseBytes, deadline?.Token ?? CancellationToken.None);
        stream.Complete();
        switch (result)
        {
            case StreamedResponseReader.Result.Ended when server.TryAnswer(context, invocation, Outcome(context.Request, stream)):
                await RuntimeApiServer.WriteAcceptedAsync(context);
                break;
            case StreamedResponseReader.Result.Ended or StreamedResponseReader.Result.Settled:
                await server.RefuseAsync(context, server.Check(context, invocation.RequestId, ReplyKind.Error));
                break;
            case StreamedResponseReader.Result.TooLarge:
                await server.RefuseAsync(context, server.Ledger.SettleTooLarge(invocation, null, options.MaxStreamedResponseBytes));
                break;
            case StreamedResponseReader.Result.DeadlinePassed:
                await server.RefuseAsync(context, ReplyVerdict.Gone(invocation.RequestId, "its deadline passed while the response was streaming"));
                break;
            case StreamedResponseReader.Result.Cut:
                // Nothing settles here: the runtime may still report an error, or its exit or the timeout will.
                if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
                    await RuntimeApiServer.WriteErrorAsync(context, 400, "InvalidStreamedResponse", $"The streamed response for {invocation.RequestId} ended early or its chunked framing is broken");
                break;
        }
    }

    /// <summary>The whole streamed body; or, when the stream ended with error trailers, the error they carry.</summary>
    private static InvocationOutcome Outcome(HttpRequest request, StreamedResponseRecording stream)
    {
        if (!request.CheckTrailersAvailable() || request.GetTrailer(RuntimeApiServer.ErrorTypeHeader).ToString() is not { Length: > 0 } errorType)
            return InvocationOutcome.Response(stream.ToArray());
        string encoded = request.GetTrailer(RuntimeApiServer.ErrorBodyTrailer).ToString();
        if (encoded.Length == 0)
            return InvocationOutcome.Error(errorType, $"The function failed mid-stream and sent no {RuntimeApiServer.ErrorBodyTrailer} trailer.");
        try
        {
            return InvocationOutcome.Error(errorType, Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return InvocationOutcome.Error(errorType, $"The function failed mid-stream; its {RuntimeApiServer.ErrorBodyTrailer} trailer is not valid base64.");
        }
    }

    /// <summary>
    /// A delay that ends after <paramref name="deadline"/>, never before it: timers run on a coarse clock (one kernel
    /// tick, up to 10 ms on Linux) and can fire that much early, so this waits a little longer than that.
    /// </summary>
    private static TimeSpan UntilAfter(DateTimeOffset deadline, TimeProvider time)
    {
        var left = deadline - time.GetUtcNow();
        return (left > TimeSpan.Zero ? left : TimeSpan.Zero) + TimeSpan.FromMilliseconds(20);
    }
}
