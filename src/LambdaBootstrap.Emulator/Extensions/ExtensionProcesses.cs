using LambdaBootstrap.Emulator.Processes;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// The external extensions of one process's life, started as Lambda starts <c>/opt/extensions/*</c>: each executable,
/// at once and beside the runtime, with the function's environment (less the variables Lambda keeps for the runtime),
/// its output logged with the function's. An extension's name is its file name.
/// </summary>
internal sealed class ExtensionProcesses
{
    /// <summary>What Lambda gives the runtime and not its extensions.</summary>
    private static readonly string[] RuntimeOnly =
    [
        "AWS_EXECUTION_ENV", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_XRAY_CONTEXT_MISSING", "AWS_XRAY_DAEMON_ADDRESS",
        "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT", "_AWS_XRAY_DAEMON_ADDRESS", "_AWS_XRAY_DAEMON_PORT", "_HANDLER",
    ];

    private readonly List<(string Name, BootstrapProcess Process)> _running;
    private volatile bool _stopping;

    private ExtensionProcesses(List<(string, BootstrapProcess)> running) => _running = running;

    public static readonly ExtensionProcesses None = new([]);

    public IReadOnlyList<string> Names => _running.Select(r => r.Name).ToArray();
    public bool IsEmpty => _running.Count == 0;

    /// <summary>The executables in a layer's <c>extensions/</c> folder, in name order; none when it has no such folder.</summary>
    public static IReadOnlyList<string> InLayer(string layerFolder)
    {
        string folder = Path.Combine(layerFolder, "extensions");
        if (!Directory.Exists(folder) || OperatingSystem.IsWindows())
            return [];
        return Directory.EnumerateFiles(folder)
            .Where(file => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The name an extension registers with: its file name.</summary>
    public static string NameOf(string path) => Path.GetFileName(path);

    /// <summary>Starts each extension. A line it writes goes to <paramref name="onOutput"/> (name, line, isStandardError).</summary>
    /// <param name="onExit">Told when one exits (name, exit code) other than when stopped here.</param>
    public static ExtensionProcesses Start(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> functionEnvironment,
        Action<string, string, bool> onOutput, Action<string, int> onExit)
    {
        if (paths.Count == 0)
            return None;
        var environment = functionEnvironment.Where(v => !RuntimeOnly.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var running = new List<(string, BootstrapProcess)>();
        var started = new ExtensionProcesses(running);
        foreach (string path in paths)
        {
            string name = NameOf(path);
            var process = BootstrapProcess.Start(path, environment, (line, isError) => onOutput(name, line, isError));
            running.Add((name, process));
            process.Exited.ContinueWith(exit =>
            {
                if (!started._stopping)
                    onExit(name, exit.Result);
            }, TaskScheduler.Default);
        }
        return started;
    }

    /// <summary>Waits for every extension to exit until <paramref name="deadline"/>, then kills those left. The names of those killed.</summary>
    public async Task<IReadOnlyList<string>> StopAsync(DateTimeOffset deadline, TimeProvider time)
    {
        _stopping = true;
        var left = deadline - time.GetUtcNow();
        if (left > TimeSpan.Zero)
            await ((Task)Task.WhenAll(_running.Select(r => r.Process.Exited))).WaitAsync(left, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var killed = _running.Where(r => !r.Process.HasExited).Select(r => r.Name).ToArray();
        foreach (var (_, process) in _running)
            await process.DisposeAsync();
        return killed;
    }

    /// <summary>Kills every extension at once.</summary>
    public async Task KillAsync()
    {
        _stopping = true;
        foreach (var (_, process) in _running)
            await process.DisposeAsync();
    }
}
