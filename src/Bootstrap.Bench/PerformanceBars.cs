using Bootstrap.Bench.Results;

namespace Bootstrap.Bench;

/// <summary>
/// The bars of the open work, and only those, so that a FAIL is news: a typed function at the cost of a bytes one.
/// The minimal typed function is at most 1.6 MB; its cold-disk start, and the bytes of the binary that start reads, are at
/// most 1.15× the minimal bytes function's measured in the same run; its minor faults at most the bytes function's + 15.
/// The bootstrap's own size budget is checked where it is built (BootstrapMaxBytes), not here.
/// </summary>
public static class PerformanceBars
{
    public const string MinimalBytes = "minimal-bytes";
    public const string MinimalTyped = "minimal-typed";

    public const long MinimalTypedMaxBytes = 1_600_000;
    public const double TypedToBytesColdDiskRatio = 1.15;
    public const double TypedToBytesReadRatio = 1.15;
    public const double TypedExtraMinorFaults = 15;

    private const string BytesFunctionRatioUnit = "× minimal-bytes";
    private const string BytesUnit = "bytes";
    private const string FaultsUnit = "faults";

    /// <summary>The bars; <paramref name="coldDiskSetup"/> says where the cold-disk starts ran, for the bytes-read bar's line.</summary>
    public static List<BarResult> Check(IReadOnlyList<VariantResult> results, ColdDiskSetup? coldDiskSetup = null)
    {
        var bars = new List<BarResult>();
        var typed = results.FirstOrDefault(r => r.Kind == VariantKind.Minimal && r.Name == MinimalTyped);
        if (typed is null)
            return bars;
        var t = typed.Summary;
        bars.Add(new BarResult($"size of {MinimalTyped}", t.SizeBytes, MinimalTypedMaxBytes, BytesUnit, t.SizeBytes <= MinimalTypedMaxBytes,
            $"{t.SizeBytes:N0} bytes ({t.SizeBytes / 1e6:0.000} MB)"));

        var bytesFunction = results.FirstOrDefault(r => r.Kind == VariantKind.Minimal && r.Name == MinimalBytes);
        if (bytesFunction is null)
            return bars;
        var b = bytesFunction.Summary;

        void AgainstBytes(string name, double value, double bytesValue, double limit, string unit)
        {
            double ratio = value / bytesValue;
            bars.Add(new BarResult(name, Math.Round(ratio, 3), limit, BytesFunctionRatioUnit, ratio <= limit,
                $"{value:#,0.###} {unit} vs {MinimalBytes} {bytesValue:#,0.###} {unit}"));
        }

        if (t.ColdDiskInvoke is { } typedColdDisk && b.ColdDiskInvoke is { } bytesColdDisk)
            AgainstBytes($"cold disk, {MinimalTyped}", typedColdDisk.Median, bytesColdDisk.Median, TypedToBytesColdDiskRatio, "ms");
        if (t.ColdDiskBytesRead is { } typedRead && b.ColdDiskBytesRead is { } bytesRead && bytesRead > 0)
        {
            AgainstBytes($"read in a cold start, {MinimalTyped}", typedRead, bytesRead, TypedToBytesReadRatio,
                $"bytes{(coldDiskSetup is null ? "" : " (" + coldDiskSetup.Brief + ")")}");
        }
        double faultLimit = b.MinorFaults + TypedExtraMinorFaults;
        bars.Add(new BarResult($"minor faults, {MinimalTyped}", t.MinorFaults, faultLimit, FaultsUnit, t.MinorFaults <= faultLimit,
            $"median of {typed.Cold.Count} cold starts, page cache warm; {MinimalBytes} {b.MinorFaults:0.#} + {TypedExtraMinorFaults:0}"));
        return bars;
    }

    public static string Limit(BarResult bar) => bar.Unit switch
    {
        BytesUnit => $"≤ {bar.Limit / 1e6:0.0#} MB",
        FaultsUnit => $"≤ {bar.Limit:0.#}",
        _ => $"≤ {bar.Limit:0.00}{bar.Unit}",
    };

    public static string Measured(BarResult bar) => bar.Unit switch
    {
        BytesUnit => $"{bar.Value / 1e6:0.000} MB",
        FaultsUnit => $"{bar.Value:0.#}",
        _ => $"{bar.Value:0.00}×",
    };
}
