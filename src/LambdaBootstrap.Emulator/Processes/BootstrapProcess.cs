using System.Diagnostics;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>
/// A bootstrap running as a child process with exactly the environment given, its stdout and stderr
/// forwarded line by line. Knows when it was spawned, its peak memory while alive, and how it exited. A bootstrap
/// built for Lambda's other architecture runs under qemu-user (see <see cref="BootstrapLauncher"/>).
/// </summary>
internal sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly OutputPump _stdout;
    private readonly OutputPump _stderr;

    private BootstrapProcess(System.Diagnostics.Process process, long spawnedAt, string? emulatedBy, OutputPump stdout, OutputPump stderr)
    {
        _process = process;
        _stdout = stdout;
        _stderr = stderr;
        SpawnedAt = spawnedAt;
        Id = process.Id;
        EmulatedBy = emulatedBy;
    }

    /// <summary>Stopwatch timestamp taken just before the spawn.</summary>
    public long SpawnedAt { get; }
    public int Id { get; }
    public Task<int> Exited => _exited.Task;
    public bool HasExited => _exited.Task.IsCompleted;
    /// <summary>The emulator it runs under (qemu-aarch64, say), or null when it runs natively: then its timings mean something.</summary>
    public string? EmulatedBy { get; }

    /// <summary>Starts <paramref name="path"/>. Each output line goes to <paramref name="onOutput"/> (line, isStandardError).</summary>
    public static BootstrapProcess Start(string path, IReadOnlyDictionary<string, string> environment, Action<string, bool> onOutput)
    {
        var launcher = BootstrapLauncher.For(path);
        var info = new ProcessStartInfo(launcher.FileName, launcher.Arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!,
        };
        info.Environment.Clear();
        foreach (var (name, value) in environment)
            info.Environment[name] = value;

        var process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        long spawnedAt = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EmulatorException($"cannot start {path}: {e.Message}");
        }
        var child = new BootstrapProcess(process, spawnedAt, launcher.EmulatedBy,
            new OutputPump(PipeOf(process.StandardOutput), line => onOutput(line, false), "bootstrap stdout"),
            new OutputPump(PipeOf(process.StandardError), line => onOutput(line, true), "bootstrap stderr"));
        process.Exited += (_, _) => _ = child.OnExitedAsync();
        process.StandardInput.Close();
        if (process.HasExited)
            _ = child.OnExitedAsync();
        return child;
    }

    private static SafeHandle PipeOf(StreamReader reader) => ((PipeStream)reader.BaseStream).SafePipeHandle;

    /// <summary>
    /// Hands on every line the process has written so far, at once. Its output is otherwise read as it arrives, apart
    /// from its requests: call this to have the lines it wrote before a reply ahead of what follows the reply.
    /// </summary>
    public void DrainOutput()
    {
        _stdout.Drain();
        _stderr.Drain();
    }

    /// <summary>
    /// Spawns and reaps one throwaway process through the same path, so that the emulator's own first-use costs of
    /// starting a process are paid before a bootstrap's Init Duration is timed. A no-op where /bin/true is missing.
    /// </summary>
    public static async Task WarmUpAsync()
    {
        if (!File.Exists("/bin/true"))
            return;
        await using var warmUp = Start("/bin/true", new Dictionary<string, string>(), (_, _) => { });
        await warmUp.Exited.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    private async Task OnExitedAsync()
    {
        // The last lines come before the exit is reported. A process it started may still hold the pipes open: then
        // what is there now is handed on, and the exit reported after a short wait.
        try
        {
            await Task.WhenAll(_stdout.Ended, _stderr.Ended).WaitAsync(OutputGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            DrainOutput();
        }
        _exited.TrySetResult(_process.ExitCode);
    }

    /// <summary>The high-water mark of resident memory (VmHWM) in KiB, or null once the process is gone.</summary>
    public long? PeakRssKb()
    {
        if (HasExited)
            return null;
        try
        {
            foreach (string line in File.ReadLines($"/proc/{Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim());
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="budget"/> for the exit. True if it exited in time.</summary>
    public async Task<bool> TerminateAsync(TimeSpan budget)
    {
        if (HasExited)
            return true;
        if (Signals.Kill(Id, Signals.SIGTERM) != 0)
            return HasExited;
        try
        {
            await Exited.WaitAsync(budget).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }
}
