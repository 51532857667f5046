using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Bootstrap.Emulator.Processes;
using Bootstrap.Emulator.RuntimeApi;

namespace Bootstrap.Emulator;

/// <summary>
/// One function on this machine, run the way Lambda runs it: a bootstrap process started cold on the first
/// invoke, invocations served in arrival order (one at a time, or up to <see cref="FunctionOptions.MaxConcurrency"/>
/// at once), the timeout enforced, and a crash or timeout answered with Lambda's error and followed by a fresh cold
/// start. Prints START, END and REPORT lines. At the end, a bootstrap with a registered extension gets SIGTERM and the
/// shutdown budget before SIGKILL.
/// </summary>
public sealed class LocalFunction : IAsyncDisposable
{
    private readonly FunctionOptions _options;
    private readonly RuntimeApiServer _api;
    private readonly Action<string, bool> _output;
    private readonly Channel<PendingInvoke> _queue = Channel.CreateUnbounded<PendingInvoke>();
    private readonly Task[] _dispatchers;
    private readonly Lock _processLock = new();
    private volatile bool _disposing;

    private BootstrapProcess? _process;
    private double? _initDurationMs;
    private long _lastPeakRssKb;

    private LocalFunction(FunctionOptions options, RuntimeApiServer api, Action<string, bool> output)
    {
        _options = options;
        _api = api;
        _output = output;
        _api.NextRequested += OnInitEnded;
        _api.InitErrorReported += OnInitEnded;
        _api.InvocationStarted += OnInvocationStarted;
        _dispatchers = Enumerable.Range(0, Math.Max(1, options.MaxConcurrency)).Select(_ => Task.Run(DispatchAsync)).ToArray();
    }

    public RuntimeApiServer Api => _api;
    public FunctionOptions Options => _options;
    /// <summary>The running bootstrap, if one is up.</summary>
    public BootstrapProcess? Process => _process;

    /// <summary>Starts the Runtime API. The bootstrap itself starts on the first invoke, as on Lambda.</summary>
    /// <param name="output">Receives every line to show: the bootstrap's output and the platform lines (line, isStandardError).</param>
    public static async Task<LocalFunction> StartAsync(FunctionOptions options, Action<string, bool> output)
    {
        // Fails here, in one line, for a bootstrap this machine cannot run (missing, or another architecture without qemu).
        BootstrapLauncher.For(options.BootstrapPath);
        var api = await RuntimeApiServer.StartAsync(options.Api);
        await api.WarmUpAsync();
        await BootstrapProcess.WarmUpAsync();
        return new LocalFunction(options, api, output);
    }

    /// <summary>Queues an invoke; invokes start in the order they arrive, up to MaxConcurrency at once.</summary>
    public Task<InvokeResult> InvokeAsync(byte[] payload, InvokeOptions? options = null) => StartInvoke(payload, options).Result;

    /// <summary>Queues an invoke like <see cref="InvokeAsync"/>, and gives its invocation too, once its turn comes.</summary>
    public PendingInvoke StartInvoke(byte[] payload, InvokeOptions? options = null)
    {
        var pending = new PendingInvoke(payload, options ?? InvokeOptions.None);
        if (!_queue.Writer.TryWrite(pending))
            pending.Fail(new EmulatorException("the emulator is shutting down"));
        return pending;
    }

    private async Task DispatchAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync())
        {
            try
            {
                pending.Finish(await RunAsync(pending));
            }
            catch (Exception e)
            {
                pending.Fail(e);
            }
        }
    }

    private async Task<InvokeResult> RunAsync(PendingInvoke pending)
    {
        if (_disposing)
            throw new EmulatorException("the emulator is shutting down");
        bool cold;
        BootstrapProcess process;
        lock (_processLock)
        {
            cold = _process is null || _process.HasExited;
            if (cold)
                StartProcess();
            process = _process!;
        }
        var invocation = _api.Enqueue(pending.Payload, pending.Options);
        pending.Begin(invocation);
        var initError = _api.InitError;

        // Phase 1: the function takes the event (after its init, on a cold start).
        var initTimeout = Task.Delay(_options.InitTimeout);
        var first = await Task.WhenAny(invocation.Started, process.Exited, initError, initTimeout);
        if (first != invocation.Started)
        {
            InvocationOutcome failure = initError.IsCompleted
                ? initError.Result
                : first == initTimeout
                    ? InvocationOutcome.Error("Sandbox.Timedout", $"{invocation.RequestId} Init timed out after {_options.InitTimeout.TotalSeconds:0.00} seconds")
                    : ExitError(invocation.RequestId, process);
            if (first != process.Exited)
                await StopProcessAsync(process);
            return Finish(invocation, failure, 0, cold);
        }

        // Phase 2: the handler runs until it answers (a streamed response: until its last byte), the process dies,
        // or the timeout passes.
        var clock = Stopwatch.StartNew();
        var timeout = Task.Delay(_options.Api.Timeout);
        var done = await Task.WhenAny(invocation.Outcome, process.Exited, timeout);
        double durationMs = clock.Elapsed.TotalMilliseconds;
        SamplePeakRss(process);
        // Settled as timed out at once, so a reply still on its way gets 410; a reply that just won the race stands.
        if (done == timeout && invocation.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout",
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {_options.Api.Timeout.TotalSeconds:0.00} seconds")))
            await StopProcessAsync(process);
        InvocationOutcome outcome;
        if (invocation.Outcome.IsCompleted)
        {
            outcome = invocation.Outcome.Result;
            if (outcome.IsError == false && invocation.ResponseTooLarge)
                outcome = TooLarge();
        }
        else
        {
            outcome = invocation.ResponseTooLarge ? TooLarge() : ExitError(invocation.RequestId, process);
        }
        return Finish(invocation, outcome, durationMs, cold);
    }

    /// <summary>Settles the invocation (so a late reply is refused) and prints END and REPORT.</summary>
    private InvokeResult Finish(Invocation invocation, InvocationOutcome outcome, double durationMs, bool cold)
    {
        invocation.TryAnswer(outcome);
        var result = new InvokeResult(
            invocation.RequestId,
            outcome,
            durationMs,
            cold ? _initDurationMs ?? ElapsedSinceSpawn() : null,
            _options.MemoryMb,
            _lastPeakRssKb > 0 ? (int)Math.Ceiling(_lastPeakRssKb / 1024.0) : null,
            _process?.EmulatedBy);
        if (invocation.StartedAt is null)
            _output(LambdaLogLines.Start(invocation.RequestId, _options.Api.FunctionVersion), false);
        ReportProtocolDetails(invocation, outcome);
        _output(LambdaLogLines.End(invocation.RequestId), false);
        _output(LambdaLogLines.Report(result), false);
        return result;
    }

    /// <summary>
    /// A streamed response that failed after its first byte is always shown (its caller saw only trailers);
    /// with <see cref="FunctionOptions.Debug"/>, so are the stream's shape and the X-Ray error cause.
    /// </summary>
    private void ReportProtocolDetails(Invocation invocation, InvocationOutcome outcome)
    {
        if (invocation.Stream is { Length: > 0 } stream && outcome.IsError)
            _output($"emulator: RequestId: {invocation.RequestId} response stream failed after {stream.Length} bytes: {outcome.ErrorType}: {ErrorMessageOf(outcome)}", true);
        if (!_options.Debug)
            return;
        if (invocation.Stream is { } streamed)
        {
            var chunks = streamed.Chunks;
            double spanMs = chunks.Count > 0 ? chunks[^1].SinceFirstByte.TotalMilliseconds : 0;
            _output(LambdaLogLines.Streamed(invocation.RequestId, streamed.ContentType, chunks.Count, streamed.Length, spanMs), false);
        }
        if (outcome.XRayErrorCause is { } cause)
        {
            bool valid = XRayErrorCauseFormat.TryDescribe(cause, out string description);
            _output(LambdaLogLines.XRayErrorCause(invocation.RequestId, valid ? description : $"invalid: {description}"), !valid);
        }
    }

    /// <summary>The errorMessage of an error body, or its raw text when it is not Lambda's error JSON.</summary>
    private static string ErrorMessageOf(InvocationOutcome outcome)
    {
        try
        {
            using var json = JsonDocument.Parse(outcome.Body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errorMessage", out var message))
                return message.ToString();
        }
        catch (JsonException)
        {
        }
        return outcome.BodyText;
    }

    private static InvocationOutcome TooLarge() => InvocationOutcome.Error("Function.ResponseSizeTooLarge",
        $"Response payload size exceeded maximum allowed payload size ({RuntimeApiServer.MaxResponseBytes} bytes).");

    private static InvocationOutcome ExitError(string requestId, BootstrapProcess process)
    {
        int code = process.Exited.IsCompleted ? process.Exited.Result : -1;
        string status = code > 128 ? $"signal {code - 128}" : $"exit status {code}";
        return InvocationOutcome.Error("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: {status}");
    }

    private void StartProcess()
    {
        _api.BeginColdStart();
        _initDurationMs = null;
        _lastPeakRssKb = 0;
        string taskRoot = Path.GetDirectoryName(Path.GetFullPath(_options.BootstrapPath))!;
        var environment = LambdaEnvironment.Build(_options.Api, _api.Address, _options.Handler, _options.MemoryMb, taskRoot);
        if (_options.MaxConcurrency > 1)
            environment["AWS_LAMBDA_MAX_CONCURRENCY"] = _options.MaxConcurrency.ToString();
        foreach (var (name, value) in _options.Environment)
            environment[name] = value;
        _process = BootstrapProcess.Start(_options.BootstrapPath, environment, _output);
    }

    /// <summary>Ends <paramref name="process"/> (the one an invocation ran on: with several at once, never a newer one).</summary>
    private async Task StopProcessAsync(BootstrapProcess? process)
    {
        if (process is not null)
        {
            SamplePeakRss(process);
            await process.DisposeAsync();
        }
    }

    /// <summary>Init ends at the first <c>/next</c>, or at <c>/init/error</c>.</summary>
    private void OnInitEnded()
    {
        if (_initDurationMs is null && _process is { HasExited: false })
        {
            _initDurationMs = ElapsedSinceSpawn();
            SamplePeakRss(_process);
        }
    }

    private void OnInvocationStarted(Invocation invocation)
    {
        _output(LambdaLogLines.Start(invocation.RequestId, _options.Api.FunctionVersion), false);
    }

    private double ElapsedSinceSpawn() => _process is null ? 0 : Stopwatch.GetElapsedTime(_process.SpawnedAt).TotalMilliseconds;

    private void SamplePeakRss(BootstrapProcess process)
    {
        if (process.PeakRssKb() is long kb && kb > _lastPeakRssKb)
            _lastPeakRssKb = kb;
    }

    /// <summary>
    /// Shuts the function down as Lambda does: a bootstrap that registered an extension gets SIGTERM and the shutdown
    /// budget to exit (its shutdown hooks run then), then SIGKILL; one without gets SIGKILL at once.
    /// </summary>
    public async Task ShutdownAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        var extensions = _api.Extensions.Registered;
        if (extensions.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            _api.Extensions.SignalShutdown(DateTimeOffset.UtcNow + _options.ShutdownBudget);
            _output($"emulator: shutdown: SIGTERM to the bootstrap (extension {string.Join(", ", extensions.Select(e => e.Name))} registered), {_options.ShutdownBudget.TotalMilliseconds:0} ms to exit", false);
            bool exited = await process.TerminateAsync(_options.ShutdownBudget);
            _output(exited
                ? $"emulator: shutdown: the bootstrap exited with {process.Exited.Result} after {clock.Elapsed.TotalMilliseconds:0} ms"
                : $"emulator: shutdown: the bootstrap was still running after {_options.ShutdownBudget.TotalMilliseconds:0} ms; killed it", !exited);
        }
        await StopProcessAsync(_process);
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _queue.Writer.TryComplete();
        await ShutdownAsync();
        await _api.DisposeAsync();
        await Task.WhenAll(_dispatchers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
