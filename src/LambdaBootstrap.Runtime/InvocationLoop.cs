using System.Buffers;
using System.Diagnostics;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// next → context → handler → response or error, forever. One loop owns one connection and one response
/// buffer and holds no per-invocation state between turns, so several loops can run side by side.
/// Hidden from stack traces, like the handler kinds: an error report shows the function's frames only.
/// </summary>
[StackTraceHidden]
internal sealed class InvocationLoop(RuntimeApiClient client, LambdaHandler handler, FunctionSettings function, LogWriter log, bool setTraceEnvironment)
{
    // A response buffer grown past this by one large reply is dropped rather than kept for the process's life.
    private const int RetainedBufferBytes = 1024 * 1024;

    private ArrayBufferWriter<byte> _output = new(4096);
    // The handler's exception of the current invocation, for the observers.
    private Exception? _failure;

    /// <summary>Runs until the Runtime API fails fatally (a <see cref="RuntimeApiException"/> or a broken connection).</summary>
    public void Run()
    {
        while (true)
            RunOnce();
    }

    public void RunOnce()
    {
        var headers = client.Next(out var @event);
        using var context = new LambdaContext(headers, function, log, handler.TakeColdStart(), handler.Trigger);
        if (setTraceEnvironment)
            Environment.SetEnvironmentVariable(RuntimeConfiguration.TraceIdVariable, context.TraceId);
        var observer = InvocationObservers.Current;
        object? state = observer?.Start(context);
        _failure = null;
        try
        {
            switch (handler)
            {
                case BufferedHandler buffered:
                    ReplyBuffered(buffered, @event, context);
                    break;
                case StreamingHandler streaming:
                    ReplyStreaming(streaming, @event, context);
                    break;
                default:
                    // LambdaHandler's constructor is private protected: these are all the kinds there are.
                    throw new UnreachableException();
            }
        }
        finally
        {
            observer?.End(context, state, _failure);
            if (_output.Capacity > RetainedBufferBytes)
                _output = new ArrayBufferWriter<byte>(4096);
            else
                _output.ResetWrittenCount();
        }
    }

    /// <summary>A buffered invocation: the whole response, or the error, in one reply.</summary>
    private void ReplyBuffered(BufferedHandler buffered, ReadOnlyMemory<byte> @event, LambdaContext context)
    {
        ReadOnlyMemory<byte> response;
        try
        {
            var pending = buffered.InvokeAsync(@event, context, _output);
            // A handler that finished synchronously costs no task machinery at all.
            response = pending.IsCompletedSuccessfully ? pending.Result : HandlerCompletion.Wait(pending);
        }
        catch (Exception e)
        {
            client.ReportError(context, LogFailure(e, context));
            return;
        }
        client.Respond(context, response.Span);
    }

    /// <summary>
    /// A streaming invocation: the response goes out as the handler flushes. A failure before the first byte is an
    /// ordinary error report; after it, the error ends the streamed body as trailers.
    /// </summary>
    private void ReplyStreaming(StreamingHandler streaming, ReadOnlyMemory<byte> @event, LambdaContext context)
    {
        var response = new ResponseStream(contentType => client.StartStreamingResponse(context, contentType));
        try
        {
            var pending = streaming.InvokeAsync(@event, response, context);
            if (!pending.IsCompletedSuccessfully)
                HandlerCompletion.Wait(pending);
            response.Complete();
        }
        catch (Exception e)
        {
            if (response.ConnectionFailure is { } broken)
                throw broken;
            var report = LogFailure(e, context);
            if (!response.HasStarted)
            {
                client.ReportError(context, report);
                return;
            }
            response.Fail(report);
        }
        if (response.ConnectionFailure is { } lost)
            throw lost;
        client.EndStreamingResponse(context);
    }

    private ErrorReport LogFailure(Exception e, LambdaContext context)
    {
        _failure = e;
        var report = ErrorReport.FromException(e);
        // JSON lines carry the error as fields too; a text line has it in its message already.
        context.Log(LogLevel.Error, $"Invocation failed: {report}", report);
        return report;
    }
}
