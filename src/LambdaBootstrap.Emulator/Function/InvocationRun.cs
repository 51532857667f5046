using LambdaBootstrap.Emulator.Extensions;
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
        var extensions = _api.Extensions;
        var telemetry = _api.Telemetry;
        var initError = _api.InitError;
        var time = _options.Api.TimeProvider;
        var initTimeout = Task.Delay(_options.InitTimeout, time);

        // With extension processes, init is complete only when they and the runtime have all called next: the event waits.
        if (cold && extensions.HasExternal)
        {
            var initComplete = extensions.UntilAsync(() => extensions.InitComplete);
            var ended = await Task.WhenAny(initComplete, process.Exited, initError, extensions.Failure, initTimeout);
            if (ended != initComplete)
            {
                var unsent = new Invocation(Guid.NewGuid().ToString(), pending.Payload, pending.Options);
                pending.Begin(unsent);
                return await FailInitAsync(unsent, process, ended == initTimeout, initError, cold);
            }
            _process.Usage.InitEnded(process);
        }
        var invocation = _api.Enqueue(pending.Payload, pending.Options);
        pending.Begin(invocation);

        // Phase 1: the function takes the event (after its init, on a cold start).
        var first = await Task.WhenAny(invocation.Started, process.Exited, initError, extensions.Failure, initTimeout);
        if (first != invocation.Started)
            return await FailInitAsync(invocation, process, first == initTimeout, initError, cold);
        if (cold)
        {
            telemetry.PublishPlatform(t => TelemetryRecords.InitRuntimeDone(t, TelemetryRecords.PhaseStatus.Success));
            telemetry.PublishPlatform(t => TelemetryRecords.InitReport(t, _process.Usage.InitDurationMs(process), TelemetryRecords.PhaseStatus.Success));
        }
        telemetry.PublishPlatform(t => TelemetryRecords.Start(t, invocation.RequestId, _options.Api.FunctionVersion, invocation.TraceId));
        string arn = invocation.Options.Qualifier is { } qualifier ? $"{_options.Api.FunctionArn}:{qualifier}" : _options.Api.FunctionArn;
        bool extensionsInvoked = extensions.SendInvoke(invocation, arn);

        // Phase 2: the handler runs until it answers (a streamed response: until its last byte), the process dies,
        // an extension fails, or the timeout passes.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timeout = Task.Delay(_options.Api.Timeout, time);
        var done = await Task.WhenAny(invocation.Outcome, process.Exited, timeout, extensions.Failure);
        double durationMs = clock.Elapsed.TotalMilliseconds;
        _process.Usage.Sample(process);
        // Settled as timed out at once, so a reply still on its way gets 410; a reply that just won the race stands.
        if (done == timeout && invocation.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout",
                $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {_options.Api.Timeout.TotalSeconds:0.00} seconds")))
            await _process.StopAsync(process, ShutdownReason.Timeout);
        if (done == extensions.Failure && invocation.TryAnswer(extensions.Failure.Result))
        {
            _process.MarkCrashed();
            await _process.StopAsync(process, ShutdownReason.Failure);
        }
        var outcome = invocation.Outcome.IsCompleted ? invocation.Outcome.Result : ExitError(invocation.RequestId, process);
        if (done == process.Exited && !invocation.Outcome.IsCompleted)
        {
            // The runtime crashed: Lambda resets the environment, its extensions shut down with the reason failure.
            _process.MarkCrashed();
            await _process.StopAsync(process, ShutdownReason.Failure);
        }
        PublishRuntimeDone(invocation, outcome, durationMs, done == timeout);

        // The runtime has answered: the caller gets the response now, and the invoke phase goes on until every
        // extension has called next again (Lambda's PostRuntimeExtensionsDuration).
        double? postRuntimeMs = null;
        if (extensionsInvoked && !process.HasExited)
        {
            process.DrainOutput();
            pending.Finish(new InvokeResult(invocation.RequestId, outcome, durationMs, cold ? _process.Usage.InitDurationMs(process) : null,
                _options.MemoryMb, _process.Usage.MaxMemoryUsedMb, process.EmulatedBy) { Log = _log.KeptSoFar(invocation.RequestId) });
            var post = System.Diagnostics.Stopwatch.StartNew();
            var allReady = extensions.UntilAsync(() => extensions.AllReady);
            var ended = await Task.WhenAny(allReady, timeout, extensions.Failure, process.Exited);
            postRuntimeMs = post.Elapsed.TotalMilliseconds;
            if (ended != allReady)
            {
                string why = ended == timeout ? "the function timed out" : ended == extensions.Failure ? extensions.Failure.Result.ErrorMessage : "the runtime exited";
                _log.Note($"emulator: RequestId: {invocation.RequestId} invoke phase ended before every extension called next: {why}", true);
                _process.MarkCrashed();
                await _process.StopAsync(process, ended == timeout ? ShutdownReason.Timeout : ShutdownReason.Failure);
            }
        }
        return Finish(invocation, process, outcome, durationMs, cold, postRuntimeMs);
    }

    /// <summary>Init failed (an init error of the runtime or an extension, a crash, or the init timeout): the invocation fails with it.</summary>
    private async Task<InvokeResult> FailInitAsync(Invocation invocation, BootstrapProcess process, bool timedOut, Task<InvocationOutcome> initError, bool cold)
    {
        var extensions = _api.Extensions;
        InvocationOutcome failure = initError.IsCompleted ? initError.Result
            : extensions.Failure.IsCompleted ? extensions.Failure.Result
            : timedOut ? InvocationOutcome.Error("Sandbox.Timedout", $"{invocation.RequestId} Init timed out after {_options.InitTimeout.TotalSeconds:0.00} seconds")
            : ExitError(invocation.RequestId, process);
        _process.MarkCrashed();
        var status = timedOut ? TelemetryRecords.PhaseStatus.Timeout : TelemetryRecords.PhaseStatus.Error(failure.ErrorType ?? "Unknown");
        _api.Telemetry.PublishPlatform(t => TelemetryRecords.InitRuntimeDone(t, status));
        _api.Telemetry.PublishPlatform(t => TelemetryRecords.InitReport(t, _process.Usage.InitDurationMs(process), status));
        await _process.StopAsync(process, timedOut ? ShutdownReason.Timeout : ShutdownReason.Failure);
        return Finish(invocation, process, failure, 0, cold, null);
    }

    private void PublishRuntimeDone(Invocation invocation, InvocationOutcome outcome, double durationMs, bool timedOut)
    {
        var status = timedOut ? TelemetryRecords.PhaseStatus.Timeout
            : outcome.IsError ? TelemetryRecords.PhaseStatus.Error(outcome.ErrorType ?? "Unknown")
            : TelemetryRecords.PhaseStatus.Success;
        var started = invocation.StartedAt ?? _options.Api.TimeProvider.GetUtcNow();
        double streamMs = invocation.StreamedChunks is { Count: > 0 } chunks ? chunks[^1].SinceFirstByte.TotalMilliseconds : 0;
        long? produced = outcome.IsError ? null : invocation.IsStreamed ? invocation.Stream!.Length : outcome.Body.Length;
        _api.Telemetry.PublishPlatform(t => TelemetryRecords.RuntimeDone(t, invocation.RequestId, status, durationMs, produced,
            started, Math.Max(0, durationMs - streamMs), streamMs, invocation.TraceId));
    }

    /// <summary>Settles the invocation (so a late reply is refused), brings in what the process has written, and prints END and REPORT.</summary>
    /// <param name="postRuntimeMs">The invoke phase after the runtime's answer, until every extension called next; it counts in the Duration.</param>
    private InvokeResult Finish(Invocation invocation, BootstrapProcess process, InvocationOutcome outcome, double durationMs, bool cold, double? postRuntimeMs)
    {
        invocation.TryAnswer(outcome);
        var result = new InvokeResult(
            invocation.RequestId,
            outcome,
            durationMs + (postRuntimeMs ?? 0),
            cold ? _process.Usage.InitDurationMs(_process.Current) : null,
            _options.MemoryMb,
            _process.Usage.MaxMemoryUsedMb,
            _process.Current?.EmulatedBy) { PostRuntimeExtensionsMs = postRuntimeMs };
        if (invocation.StartedAt is null)
            _log.Begin(invocation, _options.Api.FunctionVersion);
        // The function's output is read apart from its reply: bring in what it wrote before replying, so those lines
        // come before the emulator's own, belong to this invocation, and are in its log for a caller who asked for it.
        process.DrainOutput();
        ReportProtocolDetails(invocation, outcome);
        _log.Write(LambdaLogLines.End(invocation.RequestId), false);
        _log.Write(LambdaLogLines.Report(result), false);
        if (postRuntimeMs is double post)
            _log.Write(LambdaLogLines.PostRuntimeExtensions(invocation.RequestId, post), false);
        var status = outcome.IsError ? TelemetryRecords.PhaseStatus.Error(outcome.ErrorType ?? "Unknown") : TelemetryRecords.PhaseStatus.Success;
        _api.Telemetry.PublishPlatform(t => TelemetryRecords.Report(t, result.RequestId, status, result.DurationMs, result.BilledDurationMs,
            result.MemorySizeMb, result.MaxMemoryUsedMb, result.InitDurationMs, invocation.TraceId));
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
