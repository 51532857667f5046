namespace Bootstrap.Bench.Results;

/// <summary>Everything measured for one variant: the raw samples, the summary, and the summary's ratios to the floor.</summary>
public sealed record VariantResult(
    string Name,
    VariantKind Kind,
    string Path,
    string? Handler,
    string Description,
    List<ColdStartSample> Cold,
    List<ColdStartSample> ColdDisk,
    List<StartupPhases> Profile,
    WarmRunSample Warm,
    VariantSummary Summary,
    Dictionary<string, double> RatiosToFloor);
