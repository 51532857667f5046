using LambdaBootstrap.Emulator.Processes;

namespace Bootstrap.Bench;

/// <summary>
/// Builds the variants the bench owns: the C floor (gcc, from Floor/floor.c), the HttpClient reference (Reference/)
/// and the two minimal functions (Minimal/), each an AOT publish for this machine's architecture that takes the
/// publish lock like every AOT publish here.
/// </summary>
public sealed class VariantBuilder(string repoRoot, string buildDirectory, string targetFramework, string publishLock)
{
    private static readonly TimeSpan CompileLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(10);

    /// <summary>The lock every AOT publish takes: PUBLISH_LOCK (as make passes it) or the Makefile's default.</summary>
    public static string DefaultPublishLock(string repoRoot) =>
        Path.Combine(repoRoot, Environment.GetEnvironmentVariable("PUBLISH_LOCK") is { Length: > 0 } given ? given : "artifacts/.publish.lock");

    public string Floor()
    {
        string source = Path.Combine(repoRoot, "src/Bootstrap.Bench/Floor/floor.c");
        string output = Path.Combine(buildDirectory, "floor", "bootstrap");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string compiler = Environment.GetEnvironmentVariable("CC") is { Length: > 0 } cc ? cc : "gcc";
        ExternalCommand.Run(compiler, ["-O2", "-Wall", "-Werror", "-o", output, source], "compiling the C floor", CompileLimit);
        return output;
    }

    public string Reference() =>
        Publish("src/Bootstrap.Bench/Reference/Bootstrap.Bench.Reference.csproj", "reference", "the HttpClient reference");

    /// <summary>One <c>LambdaHandler.Bytes</c> handler, echo: a user's smallest function.</summary>
    public string MinimalBytes() =>
        Publish("src/Bootstrap.Bench/Minimal/Bytes/Bootstrap.Bench.MinimalBytes.csproj", "minimal-bytes", "the minimal bytes function");

    /// <summary>One <c>LambdaHandler.Json</c> handler over two <c>[LambdaJson]</c> records: a user's smallest typed function.</summary>
    public string MinimalTyped() =>
        Publish("src/Bootstrap.Bench/Minimal/Typed/Bootstrap.Bench.MinimalTyped.csproj", "minimal-typed", "the minimal typed function");

    private string Publish(string project, string name, string what)
    {
        string output = Path.Combine(buildDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(publishLock)!);
        string architecture = ElfMachine.OfThisMachine()?.LambdaName() ?? "x86_64";
        ExternalCommand.Run("flock", [publishLock, DotnetHost(), "publish", Path.Combine(repoRoot, project), "-c", "Release", "--nologo", "-v", "quiet",
                "-clp:NoSummary", $"-p:BootstrapTargetFramework={targetFramework}", $"-p:BootstrapArch={architecture}", "-o", output],
            $"publishing {what}", PublishLimit);
        return Path.Combine(output, "bootstrap");
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
