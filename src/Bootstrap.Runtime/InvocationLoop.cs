using System.Buffers;
using Bootstrap.Runtime.Handlers;
using Bootstrap.Runtime.Logging;

namespace Bootstrap.Runtime;

/// <summary>
/// next → context → handler → response or error, forever. One loop owns one connection and one response
/// buffer and holds no per-invocation state between turns, so several loops can run side by side.
/// </summary>
public sealed class InvocationLoop(RuntimeApiClient client, LambdaHandler handler, FunctionSettings function, LogWriter log, bool setTraceEnvironment)
{
    // A response buffer grown past this by one large reply is dropped rather than kept for the process's life.
    private const int RetainedBufferBytes = 1024 * 1024;

    private ArrayBufferWriter<byte> _output = new(4096);

    /// <summary>Runs until the Runtime API fails fatally (a <see cref="RuntimeApiException"/> or a broken connection).</summary>
    public void Run()
    {
        while (true)
            RunOnce();
    }

    public void RunOnce()
    {
        var headers = client.Next(out var @event);
        using var context = new LambdaContext(headers, function, log);
        if (setTraceEnvironment)
            Environment.SetEnvironmentVariable(RuntimeConfiguration.TraceIdVariable, context.TraceId);
        try
        {
            ReadOnlyMemory<byte> response;
            try
            {
                response = Invoke(@event, context);
            }
            catch (Exception e)
            {
                var report = ErrorReport.FromException(e);
                log.Write(LogLevel.Error, $"Invocation failed: {report}", context.AwsRequestId, context.TraceId);
                client.ReportError(context, report);
                return;
            }
            client.Respond(context, response.Span);
        }
        finally
        {
            if (_output.Capacity > RetainedBufferBytes)
                _output = new ArrayBufferWriter<byte>(4096);
            else
                _output.ResetWrittenCount();
        }
    }

    private ReadOnlyMemory<byte> Invoke(ReadOnlyMemory<byte> @event, LambdaContext context)
    {
        var pending = handler.InvokeAsync(@event, context, _output);
        // A handler that finished synchronously costs no task machinery at all.
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
