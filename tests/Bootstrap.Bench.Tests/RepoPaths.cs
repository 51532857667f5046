using System.Diagnostics;

namespace Bootstrap.Bench.Tests;

/// <summary>The repository root, and the AOT bootstrap the smoke run measures (published with `make bootstrap` when missing).</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static string Bootstrap()
    {
        string path = Path.Combine(Root, "artifacts", "bootstrap");
        if (File.Exists(path))
            return path;
        var make = Process.Start(new ProcessStartInfo("make", $"-C \"{Root}\" bootstrap") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
        make.WaitForExit();
        if (make.ExitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"`make bootstrap` did not produce {path}:\n{output}");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bootstrap.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Bootstrap.sln) above " + AppContext.BaseDirectory);
    }
}
