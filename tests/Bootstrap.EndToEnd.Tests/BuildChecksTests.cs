namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// A function project's mistakes and missing tools fail the build early, in one line that says why, through the same
/// build/ files every function imports (a scratch project outside the repository's own).
/// </summary>
public sealed class BuildChecksTests : IDisposable
{
    private readonly LayerScratch _scratch = new();

    private string Project()
    {
        string build = LayerArtifacts.BuildDirectory;
        string runtime = Path.Combine(BootstrapBinaries.RepoRoot, "src", "LambdaBootstrap.Runtime", "LambdaBootstrap.Runtime.csproj");
        File.WriteAllText(_scratch["Function.csproj"], $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/Bootstrap.Function.props" />
              <ItemGroup><ProjectReference Include="{runtime}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(_scratch["Program.cs"], "return LambdaBootstrap.Runtime.LambdaRuntime.Run(new LambdaBootstrap.Runtime.Handlers.HandlerRegistry());\n");
        return _scratch["Function.csproj"];
    }

    private (int ExitCode, string Output) Publish(params string[] properties) =>
        Commands.Run("dotnet", ["publish", Project(), "-c", "Release", "--nologo", "-v", "quiet", "-o", _scratch["out"], .. properties], _scratch.Path);

    private static string ErrorLine(string output) => Assert.Single(output.Split('\n'), l => l.Contains("error", StringComparison.OrdinalIgnoreCase) && !l.Contains("Build FAILED"));

    [Fact]
    public void A_plain_build_compiles_the_function()
    {
        // The build files are imported before the SDK's targets: none of them may become the project's default target.
        var (exitCode, output) = Commands.Run("dotnet", ["build", Project(), "--nologo", "-v", "quiet", "-o", _scratch["build"]], _scratch.Path);
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(_scratch["build/bootstrap.dll"]), $"dotnet build compiled nothing:\n{output}");
    }

    [Fact]
    public void An_unknown_architecture_is_refused_before_restore()
    {
        var (exitCode, output) = Publish("-p:BootstrapArch=mips");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("BootstrapArch must be x86_64 or arm64 (Lambda's architecture names), not 'mips'", ErrorLine(output));
    }

    [Fact]
    public void A_runtime_identifier_Lambda_does_not_have_is_refused()
    {
        var (exitCode, output) = Publish("-r", "linux-musl-x64");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("it runs on linux-x64 or linux-arm64, not on RuntimeIdentifier 'linux-musl-x64'", ErrorLine(output));
    }

    [Fact]
    public void A_missing_cross_compiler_names_its_Debian_package()
    {
        var (exitCode, output) = Publish("-p:BootstrapArch=arm64", "-p:CppCompilerAndLinker=no-such-gcc");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("building arm64 on this machine needs the cross compiler no-such-gcc (Debian package gcc-aarch64-linux-gnu)", ErrorLine(output));
    }

    [Theory]
    [InlineData("mips", "check-toolchain: unknown architecture 'mips' (x86_64 or arm64)")]
    public void Make_and_the_toolchain_check_refuse_an_unknown_architecture(string arch, string message)
    {
        var (makeExit, makeOutput) = Commands.Run("make", ["-C", BootstrapBinaries.RepoRoot, "bootstrap", $"ARCH={arch}"]);
        Assert.NotEqual(0, makeExit);
        Assert.Contains($"ARCH must be x86_64 or arm64 (Lambda's names), not '{arch}'", makeOutput);

        var (checkExit, checkOutput) = Commands.Run("bash", [Path.Combine(LayerArtifacts.BuildDirectory, "check-toolchain.sh"), "--arch", arch, _scratch.Path]);
        Assert.Equal(2, checkExit);
        Assert.Equal(message, checkOutput.Trim());
    }

    public void Dispose() => _scratch.Dispose();
}
