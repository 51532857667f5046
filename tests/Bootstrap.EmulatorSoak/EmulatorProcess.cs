using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bootstrap.EmulatorSoak;

/// <summary>
/// The emulator's command line as a child process on a free port: counts its REPORT lines (and keeps their request
/// ids) as they come, and its stderr for the report when something fails.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<string, int> _reports = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _waitLock = new();
    private (int Count, TaskCompletionSource Reached)? _reportWaiter;
    private int _reportLines;

    private EmulatorProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && _errors.Count < 1000) _errors.Enqueue(e.Data); };
        process.Exited += (_, _) => _port.TrySetException(new InvalidOperationException($"the emulator exited with {process.ExitCode}: {string.Join(" | ", _errors)}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;
    public int Port { get; private set; }
    public int ReportLines => Volatile.Read(ref _reportLines);
    /// <summary>REPORT lines that named a request id already reported: an invocation reported twice.</summary>
    public int DuplicateReports => _reports.Values.Sum(n => n - 1);
    public IReadOnlyList<string> Errors => _errors.ToArray();

    /// <summary>Starts <c>dotnet EMULATOR_DLL ARGUMENTS --port 0</c> and waits until it says where its Invoke API is.</summary>
    public static async Task<EmulatorProcess> StartAsync(string emulatorDll, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { emulatorDll }.Concat(arguments).Concat(["--port", "0"]))
            info.ArgumentList.Add(argument);
        var emulator = new EmulatorProcess(Process.Start(info)!);
        emulator.Port = await emulator._port.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return emulator;
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        if (line.StartsWith("REPORT RequestId: ", StringComparison.Ordinal))
        {
            string requestId = line["REPORT RequestId: ".Length..].Split('\t')[0];
            _reports.AddOrUpdate(requestId, 1, (_, n) => n + 1);
            int lines = Interlocked.Increment(ref _reportLines);
            lock (_waitLock)
            {
                if (_reportWaiter is { } waiter && lines >= waiter.Count)
                {
                    waiter.Reached.TrySetResult();
                    _reportWaiter = null;
                }
            }
        }
        else if (!_port.Task.IsCompleted && line.Contains("invoke with POST http://127.0.0.1:", StringComparison.Ordinal))
        {
            _port.TrySetResult(int.Parse(line.Split("http://127.0.0.1:")[1].Split('/')[0]));
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> REPORT lines have come, or <paramref name="bound"/> has passed (the report
    /// then shows how many are missing). A REPORT line is printed just before its answer goes out, and comes through a
    /// pipe apart from it: the last ones may still be on their way when the last answer is in.
    /// </summary>
    public async Task WaitForReportLinesAsync(int count, TimeSpan bound)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitLock)
        {
            if (ReportLines >= count)
                return;
            _reportWaiter = (count, reached);
        }
        try
        {
            await reached.Task.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Stops it as Ctrl-C does, and waits for its output to drain.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(_process.Id, 2);
            if (!await ExitedWithin(TimeSpan.FromSeconds(10)))
                _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task<bool> ExitedWithin(TimeSpan patience)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(patience);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}
