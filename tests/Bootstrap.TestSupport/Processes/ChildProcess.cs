using System.Diagnostics;

namespace Bootstrap.TestSupport.Processes;

/// <summary>A program started by a test with the environment it chooses, its output kept line by line, killed when disposed.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
        _process.Start();
        Output = OutputLines.Of(_process);
        _ = ReportExitAsync();
    }

    public OutputLines Output { get; }

    /// <summary>The exit code, once the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="arguments"/>. The environment is this process's, less what
    /// <paramref name="removeVariables"/> matches, plus <paramref name="environment"/> (a null value removes a variable).
    /// </summary>
    public static ChildProcess Start(
        string file,
        IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Func<string, bool>? removeVariables = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (string argument in arguments ?? [])
            start.ArgumentList.Add(argument);
        if (removeVariables is not null)
        {
            foreach (string name in start.Environment.Keys.Where(removeVariables).ToList())
                start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        return new ChildProcess(new Process { StartInfo = start });
    }

    /// <summary>The exit code, or null if it is still running after <paramref name="bound"/>; its output is complete when it returns.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan bound)
    {
        try
        {
            return await Exited.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task ReportExitAsync()
    {
        await _process.WaitForExitAsync();
        await Output.Closed;
        Output.End();
        _exited.TrySetResult(_process.ExitCode);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already reaped
        }
        _process.Dispose();
    }
}
