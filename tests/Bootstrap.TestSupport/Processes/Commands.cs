namespace Bootstrap.TestSupport.Processes;

/// <summary>Runs the repository's commands (make, dotnet, the build's scripts) as a user would from a shell.</summary>
public static class Commands
{
    /// <summary>Runs a command to completion and returns its exit code and its stdout and stderr lines, interleaved as they came.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        // The test host's own MSBuild settings must not reach the builds a command starts.
        using var process = ChildProcess.Start(file, arguments,
            removeVariables: name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase),
            workingDirectory: workingDirectory ?? BootstrapBinaries.RepoRoot);
        int exitCode = process.Exited.GetAwaiter().GetResult();
        return (exitCode, process.Output.Text);
    }
}
