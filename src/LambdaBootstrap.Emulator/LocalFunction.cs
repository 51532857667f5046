using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator;

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
    private readonly Channel<PendingInvoke> _queue;
    // The logs being kept for LogType: Tail, by request id; empty (and free) when no caller asked for one.
    private readonly ConcurrentDictionary<string, InvocationLog> _logs = new();
    // The invocations handed to the function and not yet finished, by request id: whose output a line is.
    private readonly ConcurrentDictionary<string, Invocation> _running = new();
    // Invokes taken from the queue and not yet finished (a cold start's init included).
    private int _busy;
    private readonly Task[] _dispatchers;
    private readonly Lock _processLock = new();
    private volatile bool _disposing;

    private BootstrapProcess? _process;
    private string _bootstrapPath;
    // Set by UseBootstrap: the running process is retired before the next invoke, which starts the new one cold.
    private bool _replaced;
    // The last process failed its init or exited on its own: the function shows as crashed until the next start.
    private volatile bool _crashed;
    private double? _initDurationMs;
    private long _lastPeakRssKb;

    private LocalFunction(FunctionOptions options, RuntimeApiServer api, Action<string, bool> output)
    {
        _options = options;
        _api = api;
        _output = output;
        _bootstrapPath = options.BootstrapPath;
        _queue = Channel.CreateBounded<PendingInvoke>(new BoundedChannelOptions(Math.Max(1, options.MaxQueuedInvokes)) { FullMode = BoundedChannelFullMode.Wait });
        _api.NextRequested += OnInitEnded;
        _api.InitErrorReported += OnInitEnded;
        _api.InvocationStarted += OnInvocationStarted;
        _dispatchers = Enumerable.Range(0, Math.Max(1, options.MaxConcurrency)).Select(_ => Task.Run(DispatchAsync)).ToArray();
    }

    public RuntimeApiServer Api => _api;
    public FunctionOptions Options => _options;
    /// <summary>Invokes waiting for their turn (not yet running).</summary>
    public int QueuedInvokes => _queue.Reader.Count;
    /// <summary>The running bootstrap, if one is up.</summary>
    public BootstrapProcess? Process => _process;
    /// <summary>The bootstrap the next cold start runs.</summary>
    public string BootstrapPath => _bootstrapPath;

    /// <summary>Cold, warm, running or crashed: see <see cref="FunctionState"/>.</summary>
    public FunctionState State =>
        Volatile.Read(ref _busy) > 0 ? FunctionState.Running
        : _process is { HasExited: false } && !_replaced ? FunctionState.Warm
        : _crashed ? FunctionState.Crashed
        : FunctionState.Cold;

    /// <summary>
    /// Every line shown (the function's output and START, END, REPORT), with the invocation it belongs to. Raised on
    /// the emulator's own threads: a handler must be quick and must not throw.
    /// </summary>
    public event Action<FunctionLogLine>? LineLogged;
    /// <summary>Each invocation once it has finished (after its REPORT line), with its result. Same rules as <see cref="LineLogged"/>.</summary>
    public event Action<Invocation, InvokeResult>? InvocationFinished;
    /// <summary>Raised when <see cref="State"/> may have changed. Same rules as <see cref="LineLogged"/>.</summary>
    public event Action? StateChanged;

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

    /// <summary>
    /// Queues an invoke like <see cref="InvokeAsync"/>, and gives its invocation too, once its turn comes. When
    /// <see cref="FunctionOptions.MaxQueuedInvokes"/> invokes already wait, it fails at once with <see cref="QueueFullException"/>.
    /// </summary>
    public PendingInvoke StartInvoke(byte[] payload, InvokeOptions? options = null)
    {
        var pending = new PendingInvoke(payload, options ?? InvokeOptions.None);
        if (!_queue.Writer.TryWrite(pending))
            pending.Fail(_disposing ? new EmulatorException("the emulator is shutting down") : new QueueFullException(_options.Api.FunctionName, _options.MaxQueuedInvokes));
        return pending;
    }

    private async Task DispatchAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync())
        {
            Interlocked.Increment(ref _busy);
            StateChanged?.Invoke();
            InvokeResult? result = null;
            Exception? failure = null;
            try
            {
                result = await RunAsync(pending);
            }
            catch (Exception e)
            {
                failure = e;
            }
            // The state first: whoever awaits the invoke reads it as soon as the result is out.
            Interlocked.Decrement(ref _busy);
            StateChanged?.Invoke();
            if (failure is null)
                pending.Finish(result!);
            else
                pending.Fail(failure);
        }
    }

    /// <summary>
    /// Runs <paramref name="bootstrapPath"/> from the next invoke on, started cold; the process running now is
    /// stopped first (a rebuilt function, say).
    /// </summary>
    public void UseBootstrap(string bootstrapPath)
    {
        lock (_processLock)
        {
            _bootstrapPath = bootstrapPath;
            _replaced = true;
        }
    }

    /// <summary>
    /// Makes the next invoke start cold: the process is stopped now (with the shutdown budget when it registered
    /// an extension, as <see cref="ShutdownAsync"/> does), or, while an invoke runs on it, right before the next one.
    /// </summary>
    public async Task ForceColdStartAsync()
    {
        lock (_processLock)
            _replaced = true;
        if (Volatile.Read(ref _busy) == 0)
            await ShutdownAsync();
        StateChanged?.Invoke();
    }

    private async Task<InvokeResult> RunAsync(PendingInvoke pending)
    {
        if (_disposing)
            throw new EmulatorException("the emulator is shutting down");
        BootstrapProcess? retired = null;
        lock (_processLock)
        {
            if (_replaced)
                (retired, _process, _replaced) = (_process, null, false);
        }
        // Stopped before the new one starts: an old process still waiting on /next must not take the new event.
        bool replacing = retired is not null || _process is { HasExited: true };
        await StopProcessAsync(retired);
        if (replacing)
            await _api.UntilEarlierNextsEndAsync(Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(2));
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
            _crashed = true;
            if (first != process.Exited)
                await StopProcessAsync(process);
            return Finish(invocation, process, failure, 0, cold);
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
        var outcome = invocation.Outcome.IsCompleted ? invocation.Outcome.Result : ExitError(invocation.RequestId, process);
        if (done == process.Exited && !invocation.Outcome.IsCompleted)
            _crashed = true;
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
            cold ? _initDurationMs ?? ElapsedSinceSpawn() : null,
            _options.MemoryMb,
            _lastPeakRssKb > 0 ? (int)Math.Ceiling(_lastPeakRssKb / 1024.0) : null,
            _process?.EmulatedBy);
        if (invocation.StartedAt is null)
            OnInvocationStarted(invocation);
        // The function's output is read apart from its reply: bring in what it wrote before replying, so those lines
        // come before the emulator's own, belong to this invocation, and are in its log for a caller who asked for it.
        process.DrainOutput();
        ReportProtocolDetails(invocation, outcome);
        Output(LambdaLogLines.End(invocation.RequestId), false);
        Output(LambdaLogLines.Report(result), false);
        _running.TryRemove(invocation.RequestId, out _);
        InvocationFinished?.Invoke(invocation, result);
        return _logs.TryRemove(invocation.RequestId, out var log) ? result with { Log = log } : result;
    }

    /// <summary>
    /// A streamed response that failed after its first byte is always shown (its caller saw only trailers);
    /// with <see cref="FunctionOptions.Debug"/>, so are the stream's shape and the X-Ray error cause.
    /// </summary>
    private void ReportProtocolDetails(Invocation invocation, InvocationOutcome outcome)
    {
        if (invocation.Stream is { Length: > 0 } stream && outcome.IsError)
            _output($"emulator: RequestId: {invocation.RequestId} response stream failed after {stream.Length} bytes: {outcome.ErrorType}: {outcome.ErrorMessage}", true);
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

    private static InvocationOutcome ExitError(string requestId, BootstrapProcess process)
    {
        int code = process.Exited.IsCompleted ? process.Exited.Result : -1;
        string status = code > 128 ? $"signal {code - 128}" : $"exit status {code}";
        return InvocationOutcome.Error("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: {status}");
    }

    private void StartProcess()
    {
        _api.BeginColdStart();
        _crashed = false;
        _initDurationMs = null;
        _lastPeakRssKb = 0;
        string taskRoot = Path.GetDirectoryName(Path.GetFullPath(_bootstrapPath))!;
        var environment = LambdaEnvironment.Build(_options.Api, _api.Address, _options.Handler, _options.MemoryMb, taskRoot);
        if (_options.MaxConcurrency > 1)
            environment["AWS_LAMBDA_MAX_CONCURRENCY"] = _options.MaxConcurrency.ToString();
        foreach (var (name, value) in _options.Environment)
            environment[name] = value;
        _process = BootstrapProcess.Start(_bootstrapPath, environment, Output);
        _process.Exited.ContinueWith(_ => StateChanged?.Invoke(), TaskScheduler.Default);
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
        _running[invocation.RequestId] = invocation;
        if (invocation.Options.TailLog)
            _logs[invocation.RequestId] = new InvocationLog();
        Output(LambdaLogLines.Start(invocation.RequestId, _options.Api.FunctionVersion), false);
    }

    /// <summary>
    /// Shows a line, keeps it in the log of the invocation it belongs to when that one asked for its log (when it
    /// cannot tell which, in each such log), and tells <see cref="LineLogged"/>.
    /// </summary>
    private void Output(string line, bool isError)
    {
        _output(line, isError);
        string? requestId = OwnerOf(line);
        if (!_logs.IsEmpty)
        {
            if (requestId is null)
            {
                foreach (var log in _logs.Values)
                    log.Append(line);
            }
            else if (_logs.TryGetValue(requestId, out var log))
                log.Append(line);
        }
        LineLogged?.Invoke(new FunctionLogLine(line, isError, requestId));
    }

    /// <summary>The running invocation a line belongs to: the one whose request id it names, or else the only one running.</summary>
    private string? OwnerOf(string line)
    {
        string? only = null;
        int count = 0;
        foreach (string requestId in _running.Keys)
        {
            if (line.Contains(requestId, StringComparison.Ordinal))
                return requestId;
            only = requestId;
            count++;
        }
        return count == 1 ? only : null;
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
