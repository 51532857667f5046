using Xunit.Abstractions;

namespace Bootstrap.Newcomer.Tests;

/// <summary>
/// What the README's "Getting started" tells a new user to do, in a folder outside the repository, with nothing
/// from this repository but the packages `make pack` wrote: newcomer-path.sh, for each Lambda architecture.
/// The two run one after the other: they share the machine's template and tool installs.
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

    [Theory]
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public void A_new_function_is_created_tested_published_and_run_from_the_packages(string arch)
    {
        string script = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "Bootstrap.Newcomer.Tests", "newcomer-path.sh");
        var (exitCode, log) = Commands.Run("bash", [script, s_packages.Value, arch]);
        output.WriteLine(log);
        Assert.True(exitCode == 0, $"the newcomer's path failed ({arch}), exit code {exitCode}:\n{Tail(log, 120)}");
        Assert.Contains($"newcomer-path ({arch}): every step passed", log);
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
