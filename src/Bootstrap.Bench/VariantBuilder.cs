using System.Diagnostics;

namespace Bootstrap.Bench;

/// <summary>
/// Builds the two variants the bench owns: the C floor (gcc, from Floor/floor.c) and the HttpClient reference
/// (an AOT publish of Reference/, taking the repository's publish lock like every AOT publish here).
/// </summary>
public static class VariantBuilder
{
    private static readonly TimeSpan CompileLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(10);

    public static string BuildFloor(string repoRoot, string buildDirectory)
    {
        string source = Path.Combine(repoRoot, "src/Bootstrap.Bench/Floor/floor.c");
        string output = Path.Combine(buildDirectory, "floor", "bootstrap");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string compiler = Environment.GetEnvironmentVariable("CC") is { Length: > 0 } cc ? cc : "gcc";
        Run(compiler, ["-O2", "-Wall", "-Werror", "-o", output, source], "compiling the C floor", CompileLimit);
        return output;
    }

    public static string BuildReference(string repoRoot, string buildDirectory, string targetFramework)
    {
        string project = Path.Combine(repoRoot, "src/Bootstrap.Bench/Reference/Bootstrap.Bench.Reference.csproj");
        string output = Path.Combine(buildDirectory, "reference");
        string lockFile = Path.Combine(repoRoot, "artifacts", ".publish.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        Run("flock", [lockFile, DotnetHost(), "publish", project, "-c", "Release", "--nologo", "-v", "quiet", "-clp:NoSummary",
                $"-p:BootstrapTargetFramework={targetFramework}", "-o", output],
            "publishing the HttpClient reference", PublishLimit);
        return Path.Combine(output, "bootstrap");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static void Run(string file, IEnumerable<string> arguments, string what, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new BenchException($"{what}: cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new BenchException($"{what}: {file} did not finish within {limit.TotalMinutes:0} min");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new BenchException($"{what} failed ({file} exited with {process.ExitCode}):\n{stdout.Result}{stderr.Result}".TrimEnd());
    }
}
