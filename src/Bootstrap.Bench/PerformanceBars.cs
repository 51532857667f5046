using Bootstrap.Bench.Results;

namespace Bootstrap.Bench;

/// <summary>
/// The bars the bootstraps must clear, ratios checked against the floor measured in the same run.
/// The repository's host: cold invoke (median) of echo ≤ 2.0× and of greet ≤ 2.5× the floor's; warm round trip
/// p50 ≤ 1.2× the floor's; artifacts/bootstrap ≤ 2.5 MB; peak RSS (VmHWM after the warm invocations) ≤ 6 MB.
/// The minimal functions a user writes (bytes; typed): size ≤ 1.4 MB; ≤ 2.0 MB; cold disk (median cold invoke, binary
/// evicted) ≤ 2.5×; ≤ 3.0× the floor's; bytes of the binary one cold-disk start reads ≤ 60% of it; minor faults of
/// a cold start ≤ 130; ≤ 160; cold invoke ≤ 1.7×; ≤ 1.8× the floor's; and, typed, peak RSS ≤ 5 MB.
/// </summary>
public static class PerformanceBars
{
    public const string MinimalBytes = "minimal-bytes";
    public const string MinimalTyped = "minimal-typed";

    public const double EchoColdInvokeRatio = 2.0;
    public const double GreetColdInvokeRatio = 2.5;
    public const double WarmP50Ratio = 1.2;
    public const long MaxBootstrapBytes = 2_500_000;
    public const long MaxPeakRssBytes = 6_000_000;

    /// <summary>The minimal functions' bars: (bytes, typed).</summary>
    public static readonly (long Bytes, long Typed) MinimalMaxSize = (1_400_000, 2_000_000);
    public static readonly (double Bytes, double Typed) MinimalColdDiskRatio = (2.5, 3.0);
    public static readonly (double Bytes, double Typed) MinimalColdInvokeRatio = (1.7, 1.8);
    public static readonly (double Bytes, double Typed) MinimalMinorFaults = (130, 160);
    public const double MaxColdStartReadShare = 0.60;
    public const long MinimalTypedMaxPeakRssBytes = 5_000_000;

    private const string RatioUnit = "× floor";
    private const string BytesUnit = "bytes";
    private const string ShareUnit = "of the file";
    private const string FaultsUnit = "faults";

    /// <summary>The bars; <paramref name="coldDiskSetup"/> says where the cold-disk starts ran, for the bytes-read bar's line.</summary>
    public static List<BarResult> Check(IReadOnlyList<VariantResult> results, ColdDiskSetup? coldDiskSetup = null)
    {
        var floor = results.First(r => r.Kind == VariantKind.Floor).Summary;
        var bars = new List<BarResult>();
        var echo = results.FirstOrDefault(r => r.Kind == VariantKind.Bootstrap && r.Handler == "echo");
        var greet = results.FirstOrDefault(r => r.Kind == VariantKind.Bootstrap && r.Handler == "greet");

        void Ratio(string name, double value, double floorValue, double limit, string unit)
        {
            double ratio = value / floorValue;
            bars.Add(new BarResult(name, Math.Round(ratio, 3), limit, RatioUnit, ratio <= limit,
                $"{value:0.###} {unit} vs floor {floorValue:0.###} {unit}"));
        }

        void Size(string name, long size, long limit) =>
            bars.Add(new BarResult(name, size, limit, BytesUnit, size <= limit, $"{size:N0} bytes ({size / 1e6:0.000} MB)"));

        void PeakRss(VariantResult variant, long limit)
        {
            long peak = variant.Summary.WarmPeakRssKb * 1024;
            bars.Add(new BarResult($"peak RSS, {variant.Name}", peak, limit, BytesUnit, peak <= limit,
                $"VmHWM {variant.Summary.WarmPeakRssKb:N0} kB ({peak / 1e6:0.00} MB) after {variant.Warm.RoundTripsUs.Length} warm invocations"));
        }

        if (echo is not null)
        {
            Ratio("cold invoke, echo", echo.Summary.ColdInvoke.Median, floor.ColdInvoke.Median, EchoColdInvokeRatio, "ms");
            Ratio("warm round trip p50, echo", echo.Summary.WarmRoundTripUs.Median, floor.WarmRoundTripUs.Median, WarmP50Ratio, "µs");
        }
        if (greet is not null)
        {
            Ratio("cold invoke, greet", greet.Summary.ColdInvoke.Median, floor.ColdInvoke.Median, GreetColdInvokeRatio, "ms");
            Ratio("warm round trip p50, greet", greet.Summary.WarmRoundTripUs.Median, floor.WarmRoundTripUs.Median, WarmP50Ratio, "µs");
        }
        if ((echo ?? greet) is { } host)
            Size("size of artifacts/bootstrap", host.Summary.SizeBytes, MaxBootstrapBytes);
        foreach (var variant in new[] { echo, greet })
        {
            if (variant is not null)
                PeakRss(variant, MaxPeakRssBytes);
        }

        foreach (var (name, typed) in new[] { (MinimalBytes, false), (MinimalTyped, true) })
        {
            if (results.FirstOrDefault(r => r.Kind == VariantKind.Minimal && r.Name == name) is not { } minimal)
                continue;
            var m = minimal.Summary;
            T Pick<T>((T Bytes, T Typed) limits) => typed ? limits.Typed : limits.Bytes;
            Size($"size of {name}", m.SizeBytes, Pick(MinimalMaxSize));
            if (m.ColdDiskInvoke is { } coldDisk && floor.ColdDiskInvoke is { } floorColdDisk)
                Ratio($"cold disk, {name}", coldDisk.Median, floorColdDisk.Median, Pick(MinimalColdDiskRatio), "ms");
            if (m.ColdDiskBytesRead is { } read && m.ColdDiskReadShare is { } share)
            {
                bars.Add(new BarResult($"read in a cold start, {name}", Math.Round(share, 4), MaxColdStartReadShare, ShareUnit,
                    share <= MaxColdStartReadShare,
                    $"{(coldDiskSetup is null ? "" : coldDiskSetup.Brief + ": ")}{read:N0} of {m.SizeBytes:N0} bytes (median of {minimal.ColdDisk.Count} cold-disk starts)"));
            }
            double faultLimit = Pick(MinimalMinorFaults);
            bars.Add(new BarResult($"minor faults, {name}", m.MinorFaults, faultLimit, FaultsUnit, m.MinorFaults <= faultLimit,
                $"median of {minimal.Cold.Count} cold starts, page cache warm (floor {floor.MinorFaults:0.#})"));
            Ratio($"cold invoke, {name}", m.ColdInvoke.Median, floor.ColdInvoke.Median, Pick(MinimalColdInvokeRatio), "ms");
            if (typed)
                PeakRss(minimal, MinimalTypedMaxPeakRssBytes);
        }
        return bars;
    }

    public static string Limit(BarResult bar) => bar.Unit switch
    {
        BytesUnit => $"≤ {bar.Limit / 1e6:0.#} MB",
        ShareUnit => $"≤ {bar.Limit * 100:0}% of the file",
        FaultsUnit => $"≤ {bar.Limit:0}",
        _ => $"≤ {bar.Limit:0.0#}× floor",
    };

    public static string Measured(BarResult bar) => bar.Unit switch
    {
        BytesUnit => $"{bar.Value / 1e6:0.000} MB",
        ShareUnit => $"{bar.Value * 100:0.0}%",
        FaultsUnit => $"{bar.Value:0.#}",
        _ => $"{bar.Value:0.00}×",
    };
}
