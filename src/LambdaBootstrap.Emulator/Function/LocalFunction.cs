using System.Threading.Channels;
using LambdaBootstrap.Emulator.Async;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.XRay;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// One function on this machine, run the way Lambda runs it: a bootstrap process started cold on the first
/// invoke, invocations served in arrival order (one at a time, or up to <see cref="FunctionOptions.MaxConcurrency"/>
/// at once), the timeout enforced, and a crash or timeout answered with Lambda's error and followed by a fresh cold
/// start. Prints START, END and REPORT lines. This class queues and dispatches invokes; the process's lives are
/// <see cref="FunctionProcess"/>'s, an invocation's phases <see cref="InvocationRun"/>'s, and whose a line is
/// <see cref="FunctionLog"/>'s.
/// </summary>
internal sealed class LocalFunction : IAsyncDisposable
{
    private readonly FunctionOptions _options;
    private readonly RuntimeApiServer _api;
    private readonly Channel<PendingInvoke> _queue;
    private readonly FunctionLog _log;
    private readonly FunctionProcess _process;
    private readonly InvocationRun _run;
    // Invokes taken from the queue and not yet finished (a cold start's init included).
    private int _busy;
    private int _received;
    private readonly Task[] _dispatchers;
    private volatile bool _disposing;

    private LocalFunction(FunctionOptions options, RuntimeApiServer api, Action<string, bool> output, XRayDaemon daemon)
    {
        _options = options;
        _api = api;
        _log = new FunctionLog(output);
        _process = new FunctionProcess(options, api, _log);
        _run = new InvocationRun(options, api, _process, _log);
        _process.Exited += () => StateChanged?.Invoke();
        _queue = Channel.CreateBounded<PendingInvoke>(new BoundedChannelOptions(Math.Max(1, options.MaxQueuedInvokes)) { FullMode = BoundedChannelFullMode.Wait });
        // With extension processes, init ends when they have all called next too (InvocationRun sees that).
        _api.NextRequested += () =>
        {
            if (!_api.Extensions.HasExternal)
                _process.Usage.InitEnded(_process.Current);
        };
        _api.InitErrorReported += () => _process.Usage.InitEnded(_process.Current);
        _api.InvocationStarted += invocation => _log.Begin(invocation, _options.Api.FunctionVersion);
        Traces = new FunctionTraces(daemon, this);
        _dispatchers = Enumerable.Range(0, Math.Max(1, options.MaxConcurrency)).Select(_ => Task.Run(DispatchAsync)).ToArray();
        Events = new AsyncInvokeQueue(this, options.EventInvoke, _log.Note);
    }

    /// <summary>Its asynchronous invokes (<c>Event</c>): queued, retried, and sent on to destinations.</summary>
    public AsyncInvokeQueue Events { get; }

    public RuntimeApiServer Api => _api;
    public FunctionOptions Options => _options;
    /// <summary>The X-Ray traces of its sampled invocations, and the daemon its subsegments go to.</summary>
    public FunctionTraces Traces { get; }
    /// <summary>Invokes received so far, queued or refused: the order they came in is the order they run in.</summary>
    internal int InvokesReceived => Volatile.Read(ref _received);
    /// <summary>Invokes waiting for their turn (not yet running).</summary>
    public int QueuedInvokes => _queue.Reader.Count;
    /// <summary>The running bootstrap, if one is up.</summary>
    public BootstrapProcess? Process => _process.Current;
    /// <summary>The bootstrap the next cold start runs.</summary>
    public string BootstrapPath => _process.BootstrapPath;

    /// <summary>Cold, warm, running or crashed: see <see cref="FunctionState"/>.</summary>
    public FunctionState State =>
        Volatile.Read(ref _busy) > 0 ? FunctionState.Running
        : _process.IsWarm ? FunctionState.Warm
        : _process.Crashed ? FunctionState.Crashed
        : FunctionState.Cold;

    /// <summary>
    /// Every line shown (the function's output and START, END, REPORT), with the invocation it belongs to. Raised on
    /// the emulator's own threads: a handler must be quick and must not throw.
    /// </summary>
    public event Action<FunctionLogLine>? LineLogged
    {
        add => _log.LineLogged += value;
        remove => _log.LineLogged -= value;
    }
    /// <summary>Each invocation once it has finished (after its REPORT line), with its result. Same rules as <see cref="LineLogged"/>.</summary>
    public event Action<Invocation, InvokeResult>? InvocationFinished
    {
        add => _run.Finished += value;
        remove => _run.Finished -= value;
    }
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
        // The function finds the daemon as on Lambda; the user's own setting, if any, wins.
        var daemon = XRayDaemon.Start();
        var environment = new Dictionary<string, string>(daemon.Environment(), StringComparer.Ordinal);
        foreach (var (name, value) in options.Environment)
            environment[name] = value;
        return new LocalFunction(options with { Environment = environment }, api, output, daemon);
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
        Interlocked.Increment(ref _received);
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
                if (_disposing)
                    throw new EmulatorException("the emulator is shutting down");
                result = await _run.RunAsync(pending);
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
    public void UseBootstrap(string bootstrapPath) => _process.UseBootstrap(bootstrapPath);

    /// <summary>
    /// Makes the next invoke start cold: the process is stopped now (with the shutdown budget when it registered
    /// an extension, as <see cref="ShutdownAsync"/> does), or, while an invoke runs on it, right before the next one.
    /// </summary>
    public async Task ForceColdStartAsync()
    {
        _process.Retire();
        if (Volatile.Read(ref _busy) == 0)
            await ShutdownAsync();
        StateChanged?.Invoke();
    }

    /// <summary>
    /// Shuts the function down as Lambda does: a bootstrap that registered an extension gets SIGTERM and the shutdown
    /// budget to exit (its shutdown hooks run then), then SIGKILL; one without gets SIGKILL at once.
    /// </summary>
    public Task ShutdownAsync() => _process.ShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await Events.DisposeAsync();
        _queue.Writer.TryComplete();
        await ShutdownAsync();
        await _api.DisposeAsync();
        await Traces.DisposeAsync();
        await Task.WhenAll(_dispatchers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
