using System.Text.Json.Serialization;

namespace Bootstrap.Bench.Results;

/// <summary>The whole run, as written to results.json.</summary>
public sealed record BenchResults(
    DateTimeOffset Generated,
    MachineInfo Machine,
    BenchSettings Settings,
    string Floor,
    List<VariantResult> Variants,
    List<ThroughputResult> Throughput,
    List<BarResult> Bars,
    double DurationSeconds)
{
    /// <summary>Binaries for the other architecture (the arm64 build, say): sizes only.</summary>
    public List<UntimedBinary> Untimed { get; init; } = [];

    /// <summary>Where the cold-disk starts ran the binaries from, and at which readahead; null without cold-disk starts.</summary>
    public ColdDiskSetup? ColdDiskSetup { get; init; }
}

/// <summary>Where the run happened: timings only compare within one machine, hence the ratios.</summary>
public sealed record MachineInfo(int Cores, string Kernel, string Cpu)
{
    /// <summary>read_ahead_kb of the disk the binaries are on: how much around each fault a cold start reads.</summary>
    public int? ReadaheadKb { get; init; }
}

/// <summary>How the run was made.</summary>
public sealed record BenchSettings(int ColdStarts, int WarmInvocations, int ProfileRuns, bool ColdDisk, string Event, int TimeoutSeconds);

/// <summary>Source-generated JSON for results.json: camelCase, indented, enums as names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchResults))]
public sealed partial class ResultsJson : JsonSerializerContext;
