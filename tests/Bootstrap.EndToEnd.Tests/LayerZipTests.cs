using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.Versioning;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The layer zips: what is in them, that packaging is deterministic, and that verification (build/check-layer.sh,
/// run by the MSBuild targets in build/) accepts them and rejects broken ones.
/// </summary>
[UnsupportedOSPlatform("windows")]   // Unix file modes; the bootstrap is Linux-only anyway
public sealed class LayerZipTests
{
    private const int RegularFile0755 = 0x81ED;   // S_IFREG | 0755, the high half of a Unix entry's external attributes

    [Fact]
    public void The_hosts_layer_holds_only_bootstrap_with_mode_0755_and_a_fixed_timestamp()
    {
        using var zip = ZipFile.OpenRead(LayerArtifacts.HostLayer);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        Assert.Equal(RegularFile0755, (entry.ExternalAttributes >> 16) & 0xFFFF);
        Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
        Assert.True(entry.Length > 100_000, $"bootstrap is only {entry.Length} bytes");
    }

    [Fact]
    public void The_central_directory_records_the_mode_for_Unix_with_no_extra_fields()
    {
        // Unzip tools apply the mode only when "version made by" names Unix (3): read the raw record.
        byte[] zip = File.ReadAllBytes(LayerArtifacts.HostLayer);
        int end = zip.Length - 22;
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)));   // no zip comment
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10)));       // one entry
        int central = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var record = zip.AsSpan(central);
        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(record));
        Assert.Equal(3, record[5]);                                                        // made by: Unix
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(record[30..]));           // no extra fields (no uid/gid, no extra times)
        Assert.Equal((uint)RegularFile0755 << 16, BinaryPrimitives.ReadUInt32LittleEndian(record[38..]));
    }

    [Fact]
    public void The_unpacked_bootstrap_is_executable()
    {
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        Assert.Equal(["bootstrap"], Directory.GetFileSystemEntries(opt).Select(Path.GetFileName));
        Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), File.GetUnixFileMode(Path.Combine(opt, "bootstrap")));
    }

    [Fact]
    public void Packaging_the_same_binary_twice_gives_identical_zips()
    {
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        string binary = Path.Combine(opt, "bootstrap");

        // The same bytes, but another timestamp and mode on disk: neither may reach the zip.
        string copy = scratch["copy-bootstrap"];
        File.Copy(binary, copy);
        File.SetLastWriteTimeUtc(copy, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        string first = Package(binary, scratch["first.zip"]);
        string second = Package(copy, scratch["second.zip"]);

        Assert.Equal(LayerArtifacts.Sha256(first), LayerArtifacts.Sha256(second));
        // And packaging what the layer holds gives the layer back, byte for byte.
        Assert.Equal(LayerArtifacts.Sha256(LayerArtifacts.HostLayer), LayerArtifacts.Sha256(first));
    }

    [Fact]
    public void The_build_deletes_a_zip_that_fails_verification_and_fails()
    {
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        var (exitCode, output) = PackageWith(Path.Combine(opt, "bootstrap"), scratch["small.zip"], "-p:BootstrapMaxBytes=1000");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("over the budget of 1000", output);
        Assert.False(File.Exists(scratch["small.zip"]), "a zip that failed verification was left behind");
    }

    [Fact]
    public void The_layers_make_layer_writes_pass_verification()
    {
        foreach (string zip in new[] { LayerArtifacts.HostLayer, LayerArtifacts.TestFunctionLayer })
        {
            var (exitCode, output) = LayerArtifacts.CheckLayer(zip);
            Assert.True(exitCode == 0, $"check-layer failed on {zip}:\n{output}");
            Assert.Contains($"check-layer: {zip} ok: [bootstrap] -rwxr-xr-x", output);
            Assert.Contains("check-bootstrap: bootstrap ok: x86_64", output);
        }
    }

    [Fact]
    public void The_test_function_has_its_own_layer()
    {
        // Built by `dotnet publish -p:BootstrapLayerPath=...` on tests/Bootstrap.TestFunction, like a user's project:
        // a different binary from the default bootstrap's, packaged the same way.
        using var zip = ZipFile.OpenRead(LayerArtifacts.TestFunctionLayer);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        Assert.Equal(RegularFile0755, (entry.ExternalAttributes >> 16) & 0xFFFF);
        Assert.NotEqual(LayerArtifacts.Sha256(LayerArtifacts.HostLayer), LayerArtifacts.Sha256(LayerArtifacts.TestFunctionLayer));
    }

    [Theory]
    [InlineData("mode 0644", "bootstrap", 0x81A4, "expected -rwxr-xr-x")]
    [InlineData("a folder", "runtime/bootstrap", RegularFile0755, "holds [runtime/bootstrap], with no bootstrap at its root")]
    [InlineData("another name", "bootstrap.sh", RegularFile0755, "holds [bootstrap.sh], with no bootstrap at its root")]
    public void Verification_rejects_a_zip_with_the_binary_under(string what, string entryName, int mode, string message)
    {
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        string bad = scratch["bad.zip"];
        using (var zip = ZipFile.Open(bad, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntryFromFile(Path.Combine(opt, "bootstrap"), entryName);
            entry.ExternalAttributes = mode << 16;
        }
        var (exitCode, output) = LayerArtifacts.CheckLayer(bad);
        Assert.True(exitCode != 0, $"check-layer accepted a zip with {what}:\n{output}");
        Assert.Contains(message, output);
    }

    [Fact]
    public void Verification_accepts_content_and_a_native_library_beside_the_bootstrap()
    {
        // What a publish puts beside the bootstrap (appsettings.json, a package's .so) goes into the zip with it.
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        string library = CompileLibrary(scratch, "libanswer.so", "int answer(void) { return 42; }");
        string zipPath = scratch["content.zip"];
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Path.Combine(opt, "bootstrap"), "bootstrap").ExternalAttributes = RegularFile0755 << 16;
            zip.CreateEntry("appsettings.json").ExternalAttributes = 0x81A4 << 16;
            zip.CreateEntryFromFile(library, "lib/libanswer.so").ExternalAttributes = RegularFile0755 << 16;
        }
        var (exitCode, output) = LayerArtifacts.CheckLayer(zipPath);
        Assert.True(exitCode == 0, $"check-layer refused content beside the bootstrap:\n{output}");
        Assert.Contains("check-bootstrap: lib/libanswer.so ok: x86_64 shared library, GLIBC <= 2.34", output);
        Assert.Contains("ok: [bootstrap appsettings.json lib/libanswer.so]", output);
    }

    [Fact]
    public void Verification_refuses_a_native_library_that_needs_a_newer_GLIBC_in_one_line()
    {
        // arc4random came with glibc 2.36: a library that calls it does not load on AL2023 (2.34).
        using var scratch = new LayerScratch();
        string opt = scratch.UnpackLayer(LayerArtifacts.HostLayer);
        string library = CompileLibrary(scratch, "libfresh.so", "#include <stdlib.h>\nunsigned int fresh(void) { return arc4random(); }");
        string zipPath = scratch["fresh.zip"];
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Path.Combine(opt, "bootstrap"), "bootstrap").ExternalAttributes = RegularFile0755 << 16;
            zip.CreateEntryFromFile(library, "libfresh.so").ExternalAttributes = RegularFile0755 << 16;
        }
        var (exitCode, output) = LayerArtifacts.CheckLayer(zipPath);
        Assert.True(exitCode != 0, $"check-layer accepted a library that needs GLIBC 2.36:\n{output}");
        string verdict = Assert.Single(output.Split('\n'), line => line.StartsWith("check-layer:"));
        Assert.Equal($"check-layer: {zipPath}: libfresh.so: needs symbols newer than AL2023's GLIBC_2.34: arc4random@GLIBC_2.36", verdict.TrimEnd());
    }

    /// <summary>A shared library compiled here with gcc (the machine's glibc is newer than AL2023's).</summary>
    private static string CompileLibrary(LayerScratch scratch, string name, string source)
    {
        File.WriteAllText(scratch[name + ".c"], source + "\n");
        var (exitCode, output) = Commands.Run("gcc", ["-shared", "-fPIC", "-O2", "-o", scratch[name], scratch[name + ".c"]]);
        Assert.True(exitCode == 0, $"gcc failed:\n{output}");
        return scratch[name];
    }

    [Fact]
    public void The_arm64_layer_holds_an_AArch64_bootstrap_and_passes_verification()
    {
        using (var zip = ZipFile.OpenRead(LayerArtifacts.Arm64HostLayer))
        {
            var entry = Assert.Single(zip.Entries);
            Assert.Equal("bootstrap", entry.FullName);
            Assert.Equal(RegularFile0755, (entry.ExternalAttributes >> 16) & 0xFFFF);
            Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
        }
        var (exitCode, output) = LayerArtifacts.CheckLayer(LayerArtifacts.Arm64HostLayer, arch: null);
        Assert.True(exitCode == 0, $"check-layer failed on the arm64 layer:\n{output}");
        Assert.Contains("check-bootstrap: bootstrap ok: arm64", output);
        Assert.Contains("needs libc.so.6,ld-linux-aarch64.so.1", output);
    }

    [Fact]
    public void Packaging_the_arm64_binary_again_gives_the_same_zip()
    {
        using var scratch = new LayerScratch();
        string binary = Path.Combine(scratch.UnpackLayer(LayerArtifacts.Arm64HostLayer), "bootstrap");
        string again = Package(binary, scratch["layer-arm64.zip"], "-p:BootstrapArch=arm64");
        Assert.Equal(LayerArtifacts.Sha256(LayerArtifacts.Arm64HostLayer), LayerArtifacts.Sha256(again));
    }

    [Theory]
    [InlineData("layer-arm64.zip", "x86_64", null, "not built for arm64: Advanced Micro Devices X86-64")]
    [InlineData("layer-x86_64.zip", "arm64", null, "not built for x86_64: AArch64")]
    [InlineData("layer-arm64.zip", "x86_64", "x86_64", "is named for arm64 but was checked as x86_64")]
    public void Verification_rejects_a_layer_whose_machine_does_not_match_its_name(string name, string holds, string? checkedAs, string message)
    {
        using var scratch = new LayerScratch();
        string source = holds == "arm64" ? LayerArtifacts.Arm64HostLayer : LayerArtifacts.HostLayer;
        string bad = scratch[name];
        File.Copy(source, bad);
        var (exitCode, output) = LayerArtifacts.CheckLayer(bad, checkedAs);
        Assert.True(exitCode != 0, $"check-layer accepted {name} holding an {holds} bootstrap:\n{output}");
        Assert.Contains(message, output);
    }

    /// <summary>Packages a binary through build/Bootstrap.Layer.targets on its own, as the docs show.</summary>
    private static string Package(string binary, string zip, params string[] properties)
    {
        var (exitCode, output) = PackageWith(binary, zip, properties);
        Assert.True(exitCode == 0, $"packaging {binary} failed:\n{output}");
        Assert.True(File.Exists(zip), $"packaging did not write {zip}:\n{output}");
        return zip;
    }

    private static (int ExitCode, string Output) PackageWith(string binary, string zip, params string[] properties) =>
        Commands.Run("dotnet",
        [
            "msbuild", Path.Combine(LayerArtifacts.BuildDirectory, "Bootstrap.Layer.targets"), "-nologo", "-v:quiet",
            $"-p:BootstrapLayerBinary={binary}", $"-p:BootstrapLayerPath={zip}", .. properties,
        ]);
}
