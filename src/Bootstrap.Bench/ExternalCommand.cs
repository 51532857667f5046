using System.Diagnostics;

namespace Bootstrap.Bench;

/// <summary>Runs a tool the bench needs (gcc, dotnet publish, mkfs, losetup, mount) to completion, within a time limit.</summary>
public static class ExternalCommand
{
    /// <summary>Its standard output; a non-zero exit or the limit passing is a <see cref="BenchException"/> saying <paramref name="what"/> failed.</summary>
    public static string Run(string file, IEnumerable<string> arguments, string what, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchException($"{what}: cannot start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchException($"{what}: cannot start {file}: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new BenchException($"{what}: {file} did not finish within {limit.TotalSeconds:0} s");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new BenchException($"{what} failed ({file} exited with {process.ExitCode}):\n{stdout.Result}{stderr.Result}".TrimEnd());
            return stdout.Result;
        }
    }
}
