using System.Diagnostics;
using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime.Shutdown;

/// <summary>
/// On SIGTERM, runs the handler's shutdown hooks in order within a budget (Lambda gives the runtime about 300 ms),
/// logs what ran, and exits 0. Set up only when a hook exists, so a function without hooks pays nothing
/// (and, since only <see cref="Handlers.LambdaHandler.OnShutdown(string, Action{ILambdaLogger})"/> reaches it, carries none of it).
/// </summary>
internal sealed class GracefulShutdown
{
    private readonly IReadOnlyList<ShutdownHook> _hooks;
    private readonly TimeSpan _budget;
    private readonly LogWriter _log;
    private readonly ExtensionsApiClient _extension;
    private PosixSignalRegistration? _sigterm;
    private int _started;

    private GracefulShutdown(IReadOnlyList<ShutdownHook> hooks, TimeSpan budget, LogWriter log, ExtensionsApiClient extension)
    {
        _hooks = hooks;
        _budget = budget;
        _log = log;
        _extension = extension;
    }

    /// <summary>Registers the internal extension (so Lambda sends SIGTERM) and the SIGTERM handler. Part of init.</summary>
    public static GracefulShutdown Enable(RuntimeConfiguration config, IReadOnlyList<ShutdownHook> hooks, LogWriter log)
    {
        var extension = new ExtensionsApiClient(config.RuntimeApi, LambdaRuntime.UserAgent, config.ConnectBudget);
        var shutdown = new GracefulShutdown(hooks, config.ShutdownBudget, log, extension);
        shutdown._sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            shutdown.RunHooksAndExit();
        });
        extension.RegisterAndWait();
        return shutdown;
    }

    private void RunHooksAndExit()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            return;
        var logger = new ShutdownLogger(_log);
        var clock = Stopwatch.StartNew();
        using var budget = new CancellationTokenSource(_budget);
        int ran = 0;
        var all = Task.Run(async () =>
        {
            foreach (var hook in _hooks)
            {
                try
                {
                    await hook.RunAsync(logger, budget.Token).ConfigureAwait(false);
                    _log.Write(LogLevel.Information, $"shutdown: hook '{hook.Name}' ran");
                }
                catch (Exception e)
                {
                    _log.Write(LogLevel.Error, $"shutdown: hook '{hook.Name}' failed: {e.GetType().Name}: {e.Message}");
                }
                Interlocked.Increment(ref ran);
            }
        });
        bool finished = all.Wait(_budget);
        _log.Write(finished ? LogLevel.Information : LogLevel.Warning, finished
            ? $"shutdown: SIGTERM, {ran} of {_hooks.Count} hooks ran in {clock.Elapsed.TotalMilliseconds:0} ms; exiting"
            : $"shutdown: SIGTERM, the {_budget.TotalMilliseconds:0} ms budget ran out after {Volatile.Read(ref ran)} of {_hooks.Count} hooks; exiting");
        _extension.Dispose();
        _sigterm?.Dispose();
        Environment.Exit(0);
    }

    /// <summary>What hooks log through: the function's log, with no request id.</summary>
    private sealed class ShutdownLogger(LogWriter log) : ILambdaLogger
    {
        public void Log(LogLevel level, string message) => log.Write(level, message);
    }
}
