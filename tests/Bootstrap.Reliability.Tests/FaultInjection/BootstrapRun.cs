using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bootstrap.Reliability.Tests.FaultInjection;

/// <summary>A real AOT bootstrap as a child process, pointed at a Runtime API, its output kept line by line.</summary>
public sealed class BootstrapRun : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BootstrapRun(string binary, string runtimeApi, string handler, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith('_')).ToList())
            start.Environment.Remove(name);
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = handler;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "fault-test";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data, _stdout, _stdoutClosed);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data, _stderr, _stderrClosed);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Stdout => [.. _stdout];
    public IReadOnlyList<string> Stderr => [.. _stderr];
    public string Output => $"stdout:\n{string.Join("\n", _stdout)}\nstderr:\n{string.Join("\n", _stderr)}";
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or null if it is still running after <paramref name="bound"/>; its output is complete when it returns.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan bound)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(bound);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(bound);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static void Collect(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
            closed.TrySetResult();
        else
            lines.Enqueue(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
