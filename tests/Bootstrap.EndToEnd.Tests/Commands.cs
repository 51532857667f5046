using System.Diagnostics;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Runs the repository's commands (make, dotnet, the build's scripts) as a user would from a shell.</summary>
public static class Commands
{
    /// <summary>Runs a command to completion and returns its exit code and its stdout and stderr lines, interleaved as they came.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? BootstrapBinaries.RepoRoot,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host's own MSBuild settings must not reach the builds a command starts.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (lines)
            return (process.ExitCode, string.Join('\n', lines));
    }
}
