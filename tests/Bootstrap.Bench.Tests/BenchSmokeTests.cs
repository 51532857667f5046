using System.Text.Json;
using System.Xml.Linq;
using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// `make test` runs the whole bench once with tiny counts, so it cannot rot: every variant (floor, echo, greet, the
/// two minimal functions the bench publishes, the HttpClient reference, and one given with --bootstrap) must answer
/// with the right response, every output must exist and parse, every cold-disk start reports what it read of its
/// binary (as root, from the bench's own loop disk at 128 kB readahead), and the arm64 binaries are listed by size only.
/// No timing is asserted.
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("bench-smoke-").FullName;

    [Fact]
    public void A_tiny_run_writes_results_report_and_plots()
    {
        string host = BootstrapBinaries.Host;
        string arm64 = BootstrapBinaries.HostArm64;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = BenchProgram.Run(
            ["--cold", "2", "--warm", "20", "--profile", "2", "--out", _output, "--repo", BootstrapBinaries.RepoRoot,
             "--bootstrap", $"arm={arm64}", "--bootstrap", $"mine={host}", "--env", "AWS_LAMBDA_LOG_LEVEL=ERROR", "--handler", "echo"],
            stdout, stderr);
        Assert.True(exit == 0, $"bench exited with {exit}:\n{stderr}\n{stdout}");

        var results = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(_output, "results.json")), ResultsJson.Default.BenchResults)!;
        Assert.Equal(["floor", "echo", "greet", "minimal-bytes", "minimal-typed", "httpclient", "mine"], results.Variants.Select(v => v.Name));
        foreach (var variant in results.Variants)
        {
            Assert.Equal(2, variant.Cold.Count);
            Assert.Equal(2, variant.ColdDisk.Count);
            Assert.Equal(20, variant.Warm.RoundTripsUs.Length);
            Assert.All(variant.Cold, s => Assert.True(s.InitMs > 0 && s.ColdInvokeMs >= s.InitMs && s.PeakRssKb > 0 && s.MinorFaults > 0));
            Assert.True(variant.Summary.SizeBytes > 0);
            // A start from an evicted cache reads part of its binary at least (the ELF header), and never more than all of it.
            Assert.All(variant.ColdDisk, s => Assert.InRange(s.BytesRead ?? -1, 1, variant.Summary.SizeBytes));
            Assert.All(variant.ColdDisk, s => Assert.InRange(s.BytesMapped ?? -1, 1, variant.Summary.SizeBytes));
            Assert.InRange(variant.Summary.ColdDiskReadShare ?? -1, 1e-6, 1);
        }
        // Each minimal function is its own, smaller binary with the one handler it was built with.
        var minimal = results.Variants.Where(v => v.Kind == VariantKind.Minimal).ToList();
        Assert.Equal([("echo", "bootstrap"), ("greet", "bootstrap")], minimal.Select(v => (v.Handler, Path.GetFileName(v.Path))));
        Assert.All(minimal, v => Assert.True(v.Summary.SizeBytes < new FileInfo(host).Length, $"{v.Name} is not smaller than the host"));
        Assert.All(results.Variants.Single(v => v.Name == "floor").RatiosToFloor, r => Assert.Equal(1.0, r.Value, 6));
        // The runtime's bootstraps write a BOOTSTRAP_PROFILE line; the floor and the reference do not.
        Assert.Equal(2, results.Variants.Single(v => v.Name == "echo").Profile.Count);
        Assert.NotNull(results.Variants.Single(v => v.Name == "mine").Summary.Phases);
        Assert.Empty(results.Variants.Single(v => v.Name == "floor").Profile);
        Assert.Equal(["size of minimal-typed", "cold disk, minimal-typed", "read in a cold start, minimal-typed", "minor faults, minimal-typed"], results.Bars.Select(b => b.Name));
        // The arm64 builds (make's, and one given) are listed by size, never timed under an emulator.
        Assert.Equal(["host-arm64", "arm"], results.Untimed.Select(u => u.Name));
        Assert.All(results.Untimed, u => Assert.Equal(("arm64", new FileInfo(arm64).Length), (u.Architecture, u.SizeBytes)));
        Assert.Contains("(arm64: size only", stdout.ToString());

        string report = File.ReadAllText(Path.Combine(_output, "report.md"));
        Assert.Contains("## Performance bars", report);
        Assert.Contains("### greet", report);
        Assert.Contains("### minimal-typed", report);
        Assert.Contains("| bytes of the binary read in one cold-disk start", report);
        Assert.Contains("## Notes", report);
        foreach (string plot in new[] { "cold-start.svg", "init-phases.svg", "cold-read.svg" })
        {
            var svg = XDocument.Load(Path.Combine(_output, plot));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Contains(svg.Root.Descendants(), e => e.Name.LocalName is "circle" or "rect");
        }
        Assert.Matches(@"(PASS|FAIL)  size of minimal-typed: [\d.]+ MB \(limit ≤ 1.6 MB", stdout.ToString());
        Assert.Matches(@"(PASS|FAIL)  read in a cold start, minimal-typed: [\d.]+× \(limit ≤ 1.15× minimal-bytes", stdout.ToString());
        Assert.Matches(@"(PASS|FAIL)  minor faults, minimal-typed: [\d.]+ \(limit ≤ [\d.]+; ", stdout.ToString());

        // As root (CI is), the cold-disk starts ran from the bench's own loop disk at Lambda's 128 kB readahead, and
        // the host read less than its whole file; the disk is gone afterwards. Otherwise the report says why not.
        var disk = results.ColdDiskSetup!;
        string mount = Path.Combine(_output, "build", "readahead-disk", "mnt");
        Assert.False(ReadaheadDisk.IsMounted(mount), $"{mount} is still mounted");
        Assert.False(File.Exists(Path.Combine(_output, "build", "readahead-disk", "disk.img")));
        if (ReadaheadDisk.Unavailable() is { } reason)
        {
            Assert.False(disk.LoopDisk);
            Assert.Contains(reason, disk.Fallback);
            Assert.Contains(reason, stdout.ToString());
        }
        else
        {
            Assert.Equal((true, 128, null), (disk.LoopDisk, disk.ReadaheadKb, disk.Fallback));
            Assert.Matches(@"(PASS|FAIL)  read in a cold start, minimal-typed: .*at 128 kB readahead \(loop disk\)", stdout.ToString());
            var echo = results.Variants.Single(v => v.Name == "echo");
            Assert.True(echo.Summary.ColdDiskReadShare < 1, $"echo read {echo.Summary.ColdDiskBytesRead} of its {echo.Summary.SizeBytes} bytes at 128 kB readahead");
            Assert.Contains("at 128 kB readahead (loop disk)", report);
        }
    }

    [Fact]
    public void A_bootstrap_that_does_not_answer_fails_the_run_with_a_clear_message()
    {
        string silent = Path.Combine(_output, "silent.sh");
        File.WriteAllText(silent, "#!/bin/sh\necho 'not a bootstrap' >&2\nexit 7\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var stderr = new StringWriter();
        int exit = BenchProgram.Run(
            ["--cold", "1", "--warm", "1", "--profile", "0", "--no-cold-disk", "--no-publish", "--out", _output, "--repo", BootstrapBinaries.RepoRoot,
             "--host", BootstrapBinaries.Host, "--bootstrap", $"silent={silent}", "--timeout", "5"],
            TextWriter.Null, stderr);
        Assert.Equal(1, exit);
        Assert.Contains("variant 'silent'", stderr.ToString());
        Assert.Contains("exited with 7", stderr.ToString());
        Assert.Contains("not a bootstrap", stderr.ToString());
    }

    [Fact]
    public void Bad_options_are_refused_with_the_usage()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--cold", "zero"], TextWriter.Null, stderr));
        Assert.Contains("usage: bootstrap-bench", stderr.ToString());
    }

    [Fact]
    public void The_readahead_is_a_size_in_kB_or_machine_for_the_machine_s_disk()
    {
        Assert.Equal(ReadaheadDisk.LambdaReadaheadKb, BenchOptions.Parse([]).ReadaheadKb);
        Assert.Equal(512, BenchOptions.Parse(["--readahead-kb", "512"]).ReadaheadKb);
        Assert.Equal(0, BenchOptions.Parse(["--readahead-kb", "machine", "--cold", "3"]).ReadaheadKb);
        Assert.Equal(0, BenchOptions.Parse(["--readahead-kb", "0"]).ReadaheadKb);
        var e = Assert.Throws<BenchException>(() => BenchOptions.Parse(["--readahead-kb", "-1"]));
        Assert.StartsWith("--readahead-kb needs a whole number >= 0", e.Message);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
