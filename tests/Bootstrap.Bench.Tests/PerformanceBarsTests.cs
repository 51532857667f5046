using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// The typed function's bars against the bytes function's, on made-up results around each limit: at the limit passes,
/// just over it fails, and a run without cold-disk starts has no cold-disk or bytes-read bar.
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

    private static VariantResult Bytes(bool coldDisk = true) =>
        Result(PerformanceBars.MinimalBytes, VariantKind.Minimal, 1_300_000, 3.0, coldDisk ? 20.0 : null, 1_000_000, 128, 4_000);

    private static List<BarResult> Typed(long size, double coldDiskMs, long bytesRead, long faults) =>
        PerformanceBars.Check([Floor(), Bytes(), Result(PerformanceBars.MinimalTyped, VariantKind.Minimal, size, 3.5, coldDiskMs, bytesRead, faults, 5_000)]);

    [Fact]
    public void A_typed_function_at_every_limit_passes_and_just_over_fails_each()
    {
        var atLimits = Typed(1_600_000, 1.15 * 20.0, 1_150_000, 128 + 15);
        Assert.Equal(
            ["size of minimal-typed", "cold disk, minimal-typed", "read in a cold start, minimal-typed", "minor faults, minimal-typed"],
            atLimits.Select(b => b.Name));
        Assert.All(atLimits, b => Assert.True(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));

        var over = Typed(1_600_001, 1.151 * 20.0, 1_151_000, 128 + 16);
        Assert.All(over, b => Assert.False(b.Pass, $"{b.Name}: {b.Value} vs {b.Limit}"));
    }

    [Fact]
    public void Without_the_bytes_function_only_the_typed_size_is_checked()
    {
        var bars = PerformanceBars.Check([Floor(), Result(PerformanceBars.MinimalTyped, VariantKind.Minimal, 2_000_000, 3.5, 30, 1_500_000, 180, 5_000)]);
        var bar = Assert.Single(bars);
        Assert.Equal("size of minimal-typed", bar.Name);
        Assert.False(bar.Pass);
    }

    [Fact]
    public void Without_cold_disk_starts_there_is_no_cold_disk_or_read_bar()
    {
        var bars = PerformanceBars.Check(
        [
            Floor(coldDisk: false),
            Bytes(coldDisk: false),
            Result(PerformanceBars.MinimalTyped, VariantKind.Minimal, 1_500_000, 3.5, null, 0, 130, 5_000),
        ]);
        Assert.Equal(["size of minimal-typed", "minor faults, minimal-typed"], bars.Select(b => b.Name));
    }

    [Fact]
    public void Only_a_typed_function_has_bars()
    {
        Assert.Empty(PerformanceBars.Check([Floor(), Bytes()]));
    }

    [Fact]
    public void Bars_are_written_in_their_own_units()
    {
        var bars = Typed(2_509_944, 41.6, 2_160_000, 179);
        string Line(string prefix)
        {
            var bar = bars.Single(b => b.Name.StartsWith(prefix, StringComparison.Ordinal));
            return $"{PerformanceBars.Measured(bar)} / {PerformanceBars.Limit(bar)}";
        }
        Assert.Equal("2.510 MB / ≤ 1.6 MB", Line("size"));
        Assert.Equal("2.16× / ≤ 1.15× minimal-bytes", Line("read"));
        Assert.Equal("179 / ≤ 143", Line("minor faults"));
        Assert.Equal("2.08× / ≤ 1.15× minimal-bytes", Line("cold disk"));
    }
}
