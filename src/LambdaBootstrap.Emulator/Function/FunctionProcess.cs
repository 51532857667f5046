using LambdaBootstrap.Emulator.Extensions;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// The bootstrap process of a function through its lives: started cold when an invoke needs it, reused while warm,
/// retired when its bootstrap is replaced, and shut down as Lambda does (SIGTERM and the shutdown budget for a
/// bootstrap with a registered extension, then SIGKILL). Knows whether the last one crashed.
/// </summary>
internal sealed class FunctionProcess
{
    private readonly FunctionOptions _options;
    private readonly RuntimeApiServer _api;
    private readonly FunctionLog _log;
    private readonly Lock _lock = new();
    private BootstrapProcess? _process;
    // The external extensions started with _process.
    private ExtensionProcesses _extensions = ExtensionProcesses.None;
    private string _bootstrapPath;
    // Set by UseBootstrap and ForceColdStart: the running process is retired before the next invoke, which starts the new one cold.
    private bool _replaced;
    // The last process failed its init or exited on its own: the function shows as crashed until the next start.
    private volatile bool _crashed;

    public FunctionProcess(FunctionOptions options, RuntimeApiServer api, FunctionLog log)
    {
        _options = options;
        _api = api;
        _log = log;
        _bootstrapPath = options.BootstrapPath;
        _api.Telemetry.Note = line => _log.Note(line, true);
    }

    /// <summary>The init duration and peak memory of the current process.</summary>
    public ProcessUsage Usage { get; } = new();

    /// <summary>The running bootstrap, if one is up.</summary>
    public BootstrapProcess? Current => _process;
    /// <summary>The bootstrap the next cold start runs.</summary>
    public string BootstrapPath => _bootstrapPath;
    /// <summary>A process is up and will take the next invoke.</summary>
    public bool IsWarm => _process is { HasExited: false } && !_replaced;
    public bool Crashed => _crashed;

    /// <summary>Raised when a process exits.</summary>
    public event Action? Exited;

    public void MarkCrashed() => _crashed = true;

    /// <summary>Runs <paramref name="bootstrapPath"/> from the next invoke on, started cold.</summary>
    public void UseBootstrap(string bootstrapPath)
    {
        lock (_lock)
        {
            _bootstrapPath = bootstrapPath;
            _replaced = true;
        }
    }

    /// <summary>Retires the current process before the next invoke.</summary>
    public void Retire()
    {
        lock (_lock)
            _replaced = true;
    }

    /// <summary>
    /// The process the next invocation runs on, and whether it was started cold for it. A retired or exited process is
    /// stopped first, and its connections seen closed: an old process still waiting on <c>/next</c> must not take the
    /// new event.
    /// </summary>
    public async Task<(BootstrapProcess Process, bool Cold)> ForInvocationAsync()
    {
        BootstrapProcess? retired = null;
        lock (_lock)
        {
            if (_replaced)
                (retired, _process, _replaced) = (_process, null, false);
        }
        bool replacing = retired is not null || _process is { HasExited: true };
        await StopAsync(retired);
        if (replacing)
            await StopExtensionsAsync(retired is null ? ShutdownReason.Failure : ShutdownReason.Spindown,
                _options.Api.TimeProvider.GetUtcNow() + _options.ExternalShutdownBudget);
        if (replacing)
            await _api.UntilEarlierNextsEndAsync(System.Diagnostics.Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(2));
        lock (_lock)
        {
            bool cold = _process is null || _process.HasExited;
            if (cold)
                Start();
            return (_process!, cold);
        }
    }

    private void Start()
    {
        _api.BeginColdStart(_options.Extensions.Select(ExtensionProcesses.NameOf));
        _api.Extensions.Handler = _options.Handler ?? "";
        _api.Telemetry.EndSubscriptions();
        _crashed = false;
        Usage.Reset();
        string taskRoot = Path.GetDirectoryName(Path.GetFullPath(_bootstrapPath))!;
        var environment = LambdaEnvironment.Build(_options.Api, _api.Address, _options.Handler, _options.MemoryMb, taskRoot);
        if (_options.MaxConcurrency > 1)
            environment["AWS_LAMBDA_MAX_CONCURRENCY"] = _options.MaxConcurrency.ToString();
        foreach (var (name, value) in _options.Environment)
            environment[name] = value;
        _api.Telemetry.PublishPlatform(TelemetryRecords.InitStart);
        _process = BootstrapProcess.Start(_bootstrapPath, environment, (line, isError) =>
        {
            _log.Write(line, isError);
            _api.Telemetry.PublishLine("function", line);
        });
        _process.Exited.ContinueWith(_ => Exited?.Invoke(), TaskScheduler.Default);
        // In parallel with the runtime, as on Lambda; an extension's lines are the function's log too.
        _extensions = ExtensionProcesses.Start(_options.Extensions, environment,
            (name, line, isError) =>
            {
                _log.Write(line, isError);
                _api.Telemetry.PublishLine("extension", line);
            },
            (name, code) =>
            {
                _log.Note($"emulator: extension {name} exited with {code}", true);
                _api.Extensions.ReportCrash(name, code);
            });
    }

    /// <summary>
    /// Ends <paramref name="process"/> (the one an invocation ran on: with several at once, never a newer one). Its
    /// external extensions get a SHUTDOWN event with <paramref name="reason"/> and the shutdown budget to exit.
    /// </summary>
    public async Task StopAsync(BootstrapProcess? process, ShutdownReason reason = ShutdownReason.Failure)
    {
        if (process is null)
            return;
        Usage.Sample(process);
        await process.DisposeAsync();
        if (process == _process)
            await StopExtensionsAsync(reason, _options.Api.TimeProvider.GetUtcNow() + _options.ExternalShutdownBudget);
    }

    /// <summary>Delivers the telemetry still buffered, sends SHUTDOWN to the extensions, and waits for them until the deadline.</summary>
    private async Task StopExtensionsAsync(ShutdownReason reason, DateTimeOffset deadline)
    {
        var extensions = Interlocked.Exchange(ref _extensions, ExtensionProcesses.None);
        if (extensions.IsEmpty)
            return;
        var time = _options.Api.TimeProvider;
        await _api.Telemetry.FlushAsync(TimeSpan.FromMilliseconds(Math.Max(0, (deadline - time.GetUtcNow()).TotalMilliseconds / 2)));
        _api.Extensions.SignalShutdown(deadline, reason);
        _log.Note($"emulator: shutdown: SHUTDOWN ({ExtensionEvents.Name(reason)}) to extension {string.Join(", ", extensions.Names)}, {Math.Max(0, (deadline - time.GetUtcNow()).TotalMilliseconds):0} ms to exit", false);
        var killed = await extensions.StopAsync(deadline, time);
        if (killed.Count > 0)
            _log.Note($"emulator: shutdown: extension {string.Join(", ", killed)} still running at the deadline; killed", true);
    }

    /// <summary>
    /// Shuts the process down as Lambda does: a bootstrap with a registered extension gets SIGTERM and the shutdown
    /// budget to exit (its shutdown hooks run then), then SIGKILL; one without gets SIGKILL at once. Then external
    /// extensions get their SHUTDOWN event and the rest of Lambda's 2,000 ms.
    /// </summary>
    public async Task ShutdownAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            // The runtime is gone already; extensions of its life may not be.
            await StopExtensionsAsync(ShutdownReason.Spindown, _options.Api.TimeProvider.GetUtcNow() + _options.ExternalShutdownBudget);
            return;
        }
        var extensions = _api.Extensions.Registered;
        var time = _options.Api.TimeProvider;
        var deadline = time.GetUtcNow() + (_extensions.IsEmpty ? _options.ShutdownBudget : _options.ExternalShutdownBudget);
        if (extensions.Count > 0)
        {
            long start = time.GetTimestamp();
            _api.Extensions.SignalShutdown(time.GetUtcNow() + _options.ShutdownBudget, ShutdownReason.Spindown, internalOnly: true);
            _log.Note($"emulator: shutdown: SIGTERM to the bootstrap (extension {string.Join(", ", extensions.Select(e => e.Name))} registered), {_options.ShutdownBudget.TotalMilliseconds:0} ms to exit", false);
            bool exited = await process.TerminateAsync(_options.ShutdownBudget);
            _log.Note(exited
                ? $"emulator: shutdown: the bootstrap exited with {process.Exited.Result} after {time.GetElapsedTime(start).TotalMilliseconds:0} ms"
                : $"emulator: shutdown: the bootstrap was still running after {_options.ShutdownBudget.TotalMilliseconds:0} ms; killed it", !exited);
        }
        Usage.Sample(process);
        await process.DisposeAsync();
        await StopExtensionsAsync(ShutdownReason.Spindown, deadline);
    }
}
