using System.IO.Compression;
using System.Security.Cryptography;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The layer zips `make layer` writes. `make test` builds them before the tests run; when a test is started some
/// other way and one is missing, `make layer` is run here, once per test run.
/// </summary>
public static class LayerArtifacts
{
    public const string Arch = "x86_64";

    /// <summary>Where `make layer` writes the default bootstrap's layer (the path the SAM template names).</summary>
    public static readonly string HostLayerPath = Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", $"layer-{Arch}.zip");

    /// <summary>Where `make layer` writes the test function's own layer, built through build/ like any user project.</summary>
    public static readonly string TestFunctionLayerPath = Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", "test-function", $"layer-{Arch}.zip");

    /// <summary>Where `make layer ARCH=arm64` writes the arm64 build of the default bootstrap's layer.</summary>
    public static readonly string Arm64HostLayerPath = Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", "layer-arm64.zip");

    private static readonly Lazy<string> s_makeLayer = new(() => MakeLayer(Arch));
    private static readonly Lazy<string> s_makeArm64Layer = new(() => MakeLayer("arm64"));

    public static string HostLayer => Ensure(HostLayerPath, s_makeLayer);

    public static string TestFunctionLayer => Ensure(TestFunctionLayerPath, s_makeLayer);

    public static string Arm64HostLayer => Ensure(Arm64HostLayerPath, s_makeArm64Layer);

    public static string BuildDirectory => Path.Combine(BootstrapBinaries.RepoRoot, "build");

    private static string Ensure(string path, Lazy<string> make)
    {
        if (File.Exists(path))
            return path;
        string output = make.Value;
        if (!File.Exists(path))
            throw new InvalidOperationException($"`make layer` did not produce {path}:\n{output}");
        return path;
    }

    private static string MakeLayer(string arch)
    {
        var (exitCode, output) = Commands.Run("make", ["-C", BootstrapBinaries.RepoRoot, "layer", $"ARCH={arch}"]);
        if (exitCode != 0)
            throw new InvalidOperationException($"`make layer` failed with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>build/check-layer.sh on a zip, as the build runs it; a null arch leaves it to the zip's name.</summary>
    public static (int ExitCode, string Output) CheckLayer(string zip, string? arch = Arch) =>
        Commands.Run("bash", [Path.Combine(BuildDirectory, "check-layer.sh"), .. arch is null ? Array.Empty<string>() : ["--arch", arch], zip]);

    /// <summary>build/check-bootstrap.sh on a binary for <see cref="Arch"/>, with any further options (--max-bytes N).</summary>
    public static (int ExitCode, string Output) CheckBootstrap(string binary, params string[] options) =>
        Commands.Run("bash", [Path.Combine(BuildDirectory, "check-bootstrap.sh"), "--arch", Arch, .. options, binary]);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class LayerScratch : IDisposable
{
    public LayerScratch() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "layer-test-" + Guid.NewGuid().ToString("N"));

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Unpacks a layer zip the way Lambda does, into an /opt-like folder, and returns that folder.</summary>
    public string UnpackLayer(string zip)
    {
        string opt = this["opt"];
        Directory.CreateDirectory(opt);
        ZipFile.ExtractToDirectory(zip, opt);
        return opt;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
