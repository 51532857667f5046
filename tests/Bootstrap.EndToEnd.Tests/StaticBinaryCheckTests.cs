namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// build/check-bootstrap.sh on small C programs built with gcc: a statically linked binary (what
/// BootstrapStaticExecutable publishes) needs no GLIBC version and no shared library, and passes; the other checks
/// still apply to it.
/// </summary>
public sealed class StaticBinaryCheckTests : IDisposable
{
    private readonly LayerScratch _scratch = new();

    private string Compile(string name, params string[] flags)
    {
        File.WriteAllText(_scratch["main.c"], "int main(void) { return 0; }\n");
        var (exitCode, output) = Commands.Run("gcc", ["-O2", .. flags, "-o", _scratch[name], _scratch["main.c"]]);
        Assert.True(exitCode == 0, $"gcc {string.Join(' ', flags)} failed:\n{output}");
        return _scratch[name];
    }

    [Fact]
    public void A_static_binary_passes_with_no_GLIBC_version_and_no_shared_library()
    {
        string binary = Compile("static", "-static", "-s");
        var (exitCode, output) = LayerArtifacts.CheckBootstrap(binary);
        Assert.True(exitCode == 0, output);
        Assert.Contains("statically linked (no GLIBC version, no shared library)", output);
    }

    [Fact]
    public void A_dynamic_binary_is_still_checked_for_its_GLIBC_version_and_libraries()
    {
        string binary = Compile("dynamic", "-s");
        var (exitCode, output) = LayerArtifacts.CheckBootstrap(binary);
        Assert.True(exitCode == 0, output);
        Assert.Contains("GLIBC <= 2.34", output);
        Assert.Contains("needs libc.so.6", output);
        Assert.DoesNotContain("statically linked", output);
    }

    [Fact]
    public void A_static_binary_must_still_be_stripped()
    {
        string binary = Compile("static-symbols", "-static");
        var (exitCode, output) = LayerArtifacts.CheckBootstrap(binary);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not stripped", output);
    }

    [Fact]
    public void A_static_binary_over_the_budget_fails()
    {
        string binary = Compile("static-big", "-static", "-s");
        var (exitCode, output) = LayerArtifacts.CheckBootstrap(binary, "--max-bytes", "1000");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("over the budget of 1000", output);
    }

    public void Dispose() => _scratch.Dispose();
}
