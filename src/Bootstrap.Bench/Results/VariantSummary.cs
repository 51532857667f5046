namespace Bootstrap.Bench.Results;

/// <summary>
/// A variant's figures: distributions of init and cold invoke (page cache warm, and binary evicted), of the warm
/// round trip (µs), medians of memory and faults over the cold starts, the warm process's peak RSS, the median
/// bytes of the binary one cold-disk start reads (and has mapped in), and the medians of its init phases when it writes a
/// BOOTSTRAP_PROFILE line.
/// </summary>
public sealed record VariantSummary(
    long SizeBytes,
    Distribution Init,
    Distribution ColdInvoke,
    Distribution? ColdDiskInit,
    Distribution? ColdDiskInvoke,
    Distribution WarmRoundTripUs,
    double ColdPeakRssKb,
    long WarmPeakRssKb,
    double MinorFaults,
    double MajorFaults,
    double? ColdDiskMajorFaults,
    double? ResidentAfterEviction,
    double? ColdDiskBytesRead,
    double? ColdDiskBytesMapped,
    StartupPhases? Phases)
{
    /// <summary>The bytes one cold-disk start reads, as a share (0..1) of the binary.</summary>
    public double? ColdDiskReadShare => ColdDiskBytesRead / SizeBytes;

    public static VariantSummary Of(long size, IReadOnlyList<ColdStartSample> cold, IReadOnlyList<ColdStartSample> coldDisk,
        IReadOnlyList<StartupPhases> profile, WarmRunSample warm)
    {
        static double Median(IEnumerable<double> values) => Distribution.Of(values)?.Median ?? double.NaN;
        return new VariantSummary(
            size,
            Distribution.Of(cold.Select(s => s.InitMs))!,
            Distribution.Of(cold.Select(s => s.ColdInvokeMs))!,
            Distribution.Of(coldDisk.Select(s => s.InitMs)),
            Distribution.Of(coldDisk.Select(s => s.ColdInvokeMs)),
            Distribution.Of(warm.RoundTripsUs)!,
            Median(cold.Select(s => (double)s.PeakRssKb)),
            warm.PeakRssKb,
            Median(cold.Select(s => (double)s.MinorFaults)),
            Median(cold.Select(s => (double)s.MajorFaults)),
            coldDisk.Count == 0 ? null : Median(coldDisk.Select(s => (double)s.MajorFaults)),
            coldDisk.Count == 0 ? null : coldDisk.Max(s => s.ResidentAfterEviction ?? 0),
            coldDisk.Count == 0 ? null : Median(coldDisk.Select(s => (double)(s.BytesRead ?? 0))),
            coldDisk.Count == 0 ? null : Median(coldDisk.Select(s => (double)(s.BytesMapped ?? 0))),
            profile.Count == 0 ? null : new StartupPhases(
                Median(profile.Select(p => p.SpawnToOsStartMs)),
                Median(profile.Select(p => p.SpawnToMainMs)),
                Median(profile.Select(p => p.MainToConfigMs)),
                Median(profile.Select(p => p.ConfigToHandlerMs)),
                Median(profile.Select(p => p.HandlerToConnectMs)),
                Median(profile.Select(p => p.ConnectToNextMs)),
                Median(profile.Select(p => p.NextToReceivedMs)),
                Median(profile.Select(p => p.CpuBeforeMainMs)),
                profile[0].TickMs));
    }

    /// <summary>Every figure as a ratio to the same figure of the floor; figures the floor has as zero are left out.</summary>
    public Dictionary<string, double> RatiosTo(VariantSummary floor)
    {
        var ratios = new Dictionary<string, double>();
        void Add(string name, double? value, double? floorValue)
        {
            if (value is double v && floorValue is double f && f > 0 && double.IsFinite(v))
                ratios[name] = Math.Round(v / f, 3);
        }
        Add("sizeBytes", SizeBytes, floor.SizeBytes);
        Add("initMedian", Init.Median, floor.Init.Median);
        Add("initP90", Init.P90, floor.Init.P90);
        Add("coldInvokeMedian", ColdInvoke.Median, floor.ColdInvoke.Median);
        Add("coldInvokeP90", ColdInvoke.P90, floor.ColdInvoke.P90);
        Add("coldDiskInitMedian", ColdDiskInit?.Median, floor.ColdDiskInit?.Median);
        Add("coldDiskInvokeMedian", ColdDiskInvoke?.Median, floor.ColdDiskInvoke?.Median);
        Add("coldDiskInvokeP90", ColdDiskInvoke?.P90, floor.ColdDiskInvoke?.P90);
        Add("warmP50", WarmRoundTripUs.Median, floor.WarmRoundTripUs.Median);
        Add("warmP90", WarmRoundTripUs.P90, floor.WarmRoundTripUs.P90);
        Add("warmP99", WarmRoundTripUs.P99, floor.WarmRoundTripUs.P99);
        Add("coldPeakRssKb", ColdPeakRssKb, floor.ColdPeakRssKb);
        Add("warmPeakRssKb", WarmPeakRssKb, floor.WarmPeakRssKb);
        Add("minorFaults", MinorFaults, floor.MinorFaults);
        Add("majorFaults", MajorFaults, floor.MajorFaults);
        Add("coldDiskMajorFaults", ColdDiskMajorFaults, floor.ColdDiskMajorFaults);
        Add("coldDiskBytesRead", ColdDiskBytesRead, floor.ColdDiskBytesRead);
        Add("coldDiskBytesMapped", ColdDiskBytesMapped, floor.ColdDiskBytesMapped);
        return ratios;
    }
}
