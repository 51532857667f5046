using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// The minimal functions' bars, on made-up results around each limit: at the limit passes, just over it fails,
/// and a run without cold-disk starts has no cold-disk or bytes-read bar.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class PerformanceBarsTests
{
    private const double FloorColdMs = 2.0;
    private const double FloorColdDiskMs = 10.0;

    /// <summary>A variant with one cold start and one cold-disk start, so each median is that one figure.</summary>
    private static VariantResult Result(string name, VariantKind kind, long size, double coldMs, double? coldDiskMs,
        long bytesRead, long minorFaults, long warmPeakKb)
    {
        List<ColdStartSample> cold = [new(coldMs / 2, coldMs, 4_000, minorFaults, 0, null)];
        List<ColdStartSample> disk = coldDiskMs is { } ms ? [new(ms / 2, ms, 4_000, minorFaults, 5, 0, bytesRead)] : [];
        var warm = new WarmRunSample([30, 31], warmPeakKb, 0, 0);
        var summary = VariantSummary.Of(size, cold, disk, [], warm);
        return new VariantResult(name, kind, "/" + name, null, name, cold, disk, [], warm, summary, []);
    }

    private static VariantResult Floor(bool coldDisk = true) =>
        Result("floor", VariantKind.Floor, 17_000, FloorColdMs, coldDisk ? FloorColdDiskMs : null, 17_000, 57, 1_400);

    private static List<BarResult> Bars(string name, long size, double coldMs, double coldDiskMs, long bytesRead, long faults, long warmPeakKb) =>
        PerformanceBars.Check([Floor(), Result(name, VariantKind.Minimal, size, coldMs, coldDiskMs, bytesRead, faults, warmPeakKb)]);

    [Fact]
    public void A_bytes_function_at_every_limit_passes_and_just_over_fails_each()
    {
        var atLimits = Bars(PerformanceBars.MinimalBytes, 1_400_000, 1.7 * FloorColdMs, 2.5 * FloorColdDiskMs, 840_000, 130, 9_000);
        Assert.Equal(
            ["size of minimal-bytes", "cold disk, minimal-bytes", "read in a cold start, minimal-bytes", "minor faults, minimal-bytes", "cold invoke, minimal-bytes"],
            atLimits.Select(b => b.Name));
        Assert.All(atLimits, b => Assert.True(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));

        var over = Bars(PerformanceBars.MinimalBytes, 1_400_001, 1.71 * FloorColdMs, 2.51 * FloorColdDiskMs, 840_001, 131, 9_000);
        Assert.All(over, b => Assert.False(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));
        Assert.Equal(0.6, over.Single(b => b.Name.StartsWith("read")).Limit);
    }

    [Fact]
    public void A_typed_function_at_every_limit_passes_and_just_over_fails_each()
    {
        var atLimits = Bars(PerformanceBars.MinimalTyped, 2_000_000, 1.8 * FloorColdMs, 3.0 * FloorColdDiskMs, 1_200_000, 160, 4_882);
        Assert.Equal(
            ["size of minimal-typed", "cold disk, minimal-typed", "read in a cold start, minimal-typed", "minor faults, minimal-typed",
             "cold invoke, minimal-typed", "peak RSS, minimal-typed"],
            atLimits.Select(b => b.Name));
        Assert.All(atLimits, b => Assert.True(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));

        var over = Bars(PerformanceBars.MinimalTyped, 2_000_001, 1.81 * FloorColdMs, 3.01 * FloorColdDiskMs, 1_200_001, 161, 4_883);
        Assert.All(over, b => Assert.False(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));
    }

    [Fact]
    public void Without_cold_disk_starts_there_is_no_cold_disk_or_read_bar()
    {
        var bars = PerformanceBars.Check(
        [
            Floor(coldDisk: false),
            Result(PerformanceBars.MinimalBytes, VariantKind.Minimal, 1_000_000, 3, null, 0, 100, 3_000),
        ]);
        Assert.Equal(["size of minimal-bytes", "minor faults, minimal-bytes", "cold invoke, minimal-bytes"], bars.Select(b => b.Name));
    }

    [Fact]
    public void Bars_are_written_in_their_own_units()
    {
        var bars = Bars(PerformanceBars.MinimalTyped, 2_585_352, 4.5, 13.4, 1_551_211, 197, 4_484);
        string Line(string prefix)
        {
            var bar = bars.Single(b => b.Name.StartsWith(prefix, StringComparison.Ordinal));
            return $"{PerformanceBars.Measured(bar)} / {PerformanceBars.Limit(bar)}";
        }
        Assert.Equal("2.585 MB / ≤ 2 MB", Line("size"));
        Assert.Equal("60.0% / ≤ 60% of the file", Line("read"));
        Assert.Equal("197 / ≤ 160", Line("minor faults"));
        Assert.Equal("2.25× / ≤ 1.8× floor", Line("cold invoke"));
        Assert.Equal("1.34× / ≤ 3.0× floor", Line("cold disk"));
    }
}
