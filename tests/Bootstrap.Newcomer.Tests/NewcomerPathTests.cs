using Xunit.Abstractions;

namespace Bootstrap.Newcomer.Tests;

/// <summary>
/// What the README's "Getting started" tells a new user to do, in a folder outside the repository, with nothing
/// from this repository but the packages `make pack` wrote: newcomer-path.sh, for each template kind on x86_64 and
/// for the basic kind on arm64. They run one after the other: they share the machine's template and tool installs.
/// Each Native AOT publish holds the repository's publish lock (PUBLISH_LOCK, or artifacts/.publish.lock).
/// </summary>
public sealed class NewcomerPathTests(ITestOutputHelper output)
{
    private static readonly Lazy<string> s_packages = new(() =>
    {
        string packages = Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", "packages");
        if (!Directory.Exists(packages) || Directory.GetFiles(packages, "LambdaBootstrap.Templates.*.nupkg").Length == 0)
            Commands.Run("make", ["-C", BootstrapBinaries.RepoRoot, "pack"]);
        return packages;
    });

    private static readonly string s_publishLock = Environment.GetEnvironmentVariable("PUBLISH_LOCK") is { Length: > 0 } lockPath
        ? lockPath
        : Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", ".publish.lock");

    [Theory]
    [InlineData("x86_64", "basic")]
    [InlineData("x86_64", "http")]
    [InlineData("x86_64", "queue")]
    [InlineData("x86_64", "stream")]
    [InlineData("arm64", "basic")]
    public void A_new_function_is_created_tested_published_and_run_from_the_packages(string arch, string kind)
    {
        string script = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "Bootstrap.Newcomer.Tests", "newcomer-path.sh");
        var (exitCode, log) = Commands.Run("env", [$"PUBLISH_LOCK={s_publishLock}", "bash", script, s_packages.Value, arch, kind]);
        output.WriteLine(log);
        Assert.True(exitCode == 0, $"the newcomer's path failed ({arch}, {kind}), exit code {exitCode}:\n{Tail(log, 120)}");
        Assert.Contains($"newcomer-path ({arch}, {kind}): every step passed", log);
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
