using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// One invoke served as Lambda serves it, in two phases: the function takes the event (after its init, on a cold
/// start) within the init timeout, then answers it within the function timeout. A crash, an init error or a timeout
/// becomes Lambda's error for it; the invocation ends with END and REPORT.
/// </summary>
internal sealed class InvocationRun
{
    private readonly FunctionOptions _options;
    private readonly RuntimeApiServer _api;
    private readonly FunctionProcess _process;
    private readonly FunctionLog _log;

    public InvocationRun(FunctionOptions options, RuntimeApiServer api, FunctionProcess process, FunctionLog log)
    {
        _options = options;
        _api = api;
        _process = process;
        _log = log;
    }

    /// <summary>Each invocation once it has finished (after its REPORT line), with its result.</summary>
    public event Action<Invocation, InvokeResult>? Finished;

    public async Task<InvokeResult> RunAsync(PendingInvoke pending)
    {
        var (process, cold) = await _process.ForInvocationAsync();
        var invocation = _api.Enqueue(pending.Payload, pending.Options);
        pending.Begin(invocation);
        var initError = _api.InitError;

        // Phase 1: the function takes the event (after its init, on a cold start).
        var time = _options.Api.TimeProvider;
        var initTimeout = Task.Delay(_options.InitTimeout, time);
        var first = await Task.WhenAny(invocation.Started, process.Exited, initError, initTimeout);
        if (first != invocation.Started)
        {
            InvocationOutcome failure = initError.IsCompleted
                ? initError.Result
                : first == initTimeout
                    ? InvocationOutcome.Error("Sandbox.Timedout", $"{invocation.RequestId} Init timed out after {_options.InitTimeout.TotalSeconds:0.00} seconds")
                    : ExitError(invocation.RequestId, process);
            _process.MarkCrashed();
            if (first != process.Exited)
                await _process.StopAsync(process);
            return Finish(invocation, process, failure, 0, cold);
        }

        // Phase 2: the handler runs until it answers (a streamed response: until its last byte), the process dies,
        // or the timeout passes.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timeout = Task.Delay(_options.Api.Timeout, time);
        var done = await Task.WhenAny(invocation.Outcome, process.Exited, timeout);
        double durationMs = clock.Elapsed.TotalMilliseconds;
        _process.Usage.Sample(process);
        // Settled as timed out at once, so a reply still on its way gets 410; a reply that just won the race stands.
        if (done == timeout && invocation.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout",
                $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {_options.Api.Timeout.TotalSeconds:0.00} seconds")))
            await _process.StopAsync(process);
        var outcome = invocation.Outcome.IsCompleted ? invocation.Outcome.Result : ExitError(invocation.RequestId, process);
        if (done == process.Exited && !invocation.Outcome.IsCompleted)
            _process.MarkCrashed();
        return Finish(invocation, process, outcome, durationMs, cold);
    }

    /// <summary>Settles the invocation (so a late reply is refused), brings in what the process has written, and prints END and REPORT.</summary>
    private InvokeResult Finish(Invocation invocation, BootstrapProcess process, InvocationOutcome outcome, double durationMs, bool cold)
    {
        invocation.TryAnswer(outcome);
        var result = new InvokeResult(
            invocation.RequestId,
            outcome,
            durationMs,
            cold ? _process.Usage.InitDurationMs(_process.Current) : null,
            _options.MemoryMb,
            _process.Usage.MaxMemoryUsedMb,
            _process.Current?.EmulatedBy);
        if (invocation.StartedAt is null)
            _log.Begin(invocation, _options.Api.FunctionVersion);
        // The function's output is read apart from its reply: bring in what it wrote before replying, so those lines
        // come before the emulator's own, belong to this invocation, and are in its log for a caller who asked for it.
        process.DrainOutput();
        ReportProtocolDetails(invocation, outcome);
        _log.Write(LambdaLogLines.End(invocation.RequestId), false);
        _log.Write(LambdaLogLines.Report(result), false);
        var tail = _log.End(invocation.RequestId);
        Finished?.Invoke(invocation, result);
        return tail is null ? result : result with { Log = tail };
    }

    /// <summary>
    /// A streamed response that failed after its first byte is always shown (its caller saw only trailers);
    /// with <see cref="FunctionOptions.Debug"/>, so are the stream's shape and the X-Ray error cause.
    /// </summary>
    private void ReportProtocolDetails(Invocation invocation, InvocationOutcome outcome)
    {
        if (invocation.Stream is { Length: > 0 } stream && outcome.IsError)
            _log.Note($"emulator: RequestId: {invocation.RequestId} response stream failed after {stream.Length} bytes: {outcome.ErrorType}: {outcome.ErrorMessage}", true);
        if (!_options.Debug)
            return;
        if (invocation.Stream is { } streamed)
        {
            var chunks = streamed.Chunks;
            double spanMs = chunks.Count > 0 ? chunks[^1].SinceFirstByte.TotalMilliseconds : 0;
            _log.Note(LambdaLogLines.Streamed(invocation.RequestId, streamed.ContentType, chunks.Count, streamed.Length, spanMs), false);
        }
        if (outcome.XRayErrorCause is { } cause)
        {
            bool valid = XRayErrorCauseFormat.TryDescribe(cause, out string description);
            _log.Note(LambdaLogLines.XRayErrorCause(invocation.RequestId, valid ? description : $"invalid: {description}"), !valid);
        }
    }

    private static InvocationOutcome ExitError(string requestId, BootstrapProcess process)
    {
        int code = process.Exited.IsCompleted ? process.Exited.Result : -1;
        string status = code > 128 ? $"signal {code - 128}" : $"exit status {code}";
        return InvocationOutcome.Error("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: {status}");
    }
}
