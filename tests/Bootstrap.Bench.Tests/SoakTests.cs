using System.Text;
using Bootstrap.Bench.RuntimeApi;
using Bootstrap.Bench.Soak;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// `make test` runs a short soak (a few thousand invocations, seconds) so that `make soak` cannot rot: every response
/// is checked by the runner, and the descriptors must not change. Memory growth is judged only by the long run.
/// </summary>
public sealed class SoakTests : IDisposable
{
    private readonly string _logs = Directory.CreateTempSubdirectory("soak-test-").FullName;

    private static Variant Greet() => new("greet", VariantKind.Bootstrap, BootstrapBinaries.Host, "greet",
        Encoding.UTF8.GetBytes(BenchDefaults.Event), Encoding.UTF8.GetBytes(BenchDefaults.GreetResponse), "greet");

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void A_short_soak_answers_every_invocation_and_keeps_its_descriptors(int loops)
    {
        using var api = new FakeRuntimeApi();
        var result = SoakProgram.Soak(Greet(), api, TimeSpan.FromSeconds(10), _logs, loops, [400, 2000, 4000]);
        Assert.Equal([400, 2000, 4000], result.Checkpoints.Select(c => c.Invocations));
        Assert.True(result.FdsConstant, result.Describe());
        // Each loop holds its own connection: a descriptor per loop beyond the single loop's.
        Assert.True(result.Checkpoints[0].Resources.OpenFds >= 3 + loops, result.Describe());
        Assert.All(result.Checkpoints, c => Assert.True(c.Resources.PeakRssKb >= c.Resources.RssKb && c.Resources.RssKb > 0));
    }

    [Fact]
    public void The_soak_command_prints_one_line_per_run()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = SoakProgram.Run(["--checkpoints", "100,300", "--concurrent", "80,160", "--host", BootstrapBinaries.Host], stdout, stderr);
        Assert.True(exit is 0 or 3, $"soak exited with {exit}:\n{stderr}");
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^soak: (PASS|FAIL)  echo, 1 loop: 100: peak [\d.]+ MB, rss [\d.]+ MB, \d+ fds \| 300: ", lines[0]);
        Assert.Matches(@"^soak: (PASS|FAIL)  greet, 1 loop: ", lines[1]);
        Assert.Matches(@"^soak: (PASS|FAIL)  echo, 8 loops: 80: .* \| 160: ", lines[2]);
    }

    [Fact]
    public void The_bars_are_five_percent_of_peak_growth_and_constant_descriptors()
    {
        static SoakResult Run(long peakAt10k, long peakAt100k, int fdsAt100k) => new("echo", 1,
        [
            (1_000, new ProcessResources(4_000, 4_000, 6)),
            (10_000, new ProcessResources(peakAt10k, 5_000, 6)),
            (100_000, new ProcessResources(peakAt100k, 5_000, fdsAt100k)),
        ]);
        Assert.True(Run(5_000, 5_250, 6).Pass);
        Assert.False(Run(5_000, 5_300, 6).Pass);
        Assert.False(Run(5_000, 5_000, 7).Pass);
        Assert.Contains("peak 10k→100k +6.0%", Run(5_000, 5_300, 6).Describe());
    }

    [Fact]
    public void Checkpoints_must_grow()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, SoakProgram.Run(["--checkpoints", "1000,500"], new StringWriter(), stderr));
        Assert.Contains("checkpoints must grow", stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_logs, recursive: true);
}
