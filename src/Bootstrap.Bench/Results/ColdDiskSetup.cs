namespace Bootstrap.Bench.Results;

/// <summary>
/// Where the cold-disk starts ran their binaries from: a loop-mounted disk of the bench's own with the readahead asked
/// for (Lambda's 128 kB by default), or the machine's own disk, with why when the loop disk was asked for but could not be made.
/// </summary>
public sealed record ColdDiskSetup(bool LoopDisk, int? ReadaheadKb, string Description)
{
    /// <summary>Why the machine's disk was used although a loop disk was asked for; null otherwise.</summary>
    public string? Fallback { get; init; }

    /// <summary>"at 128 kB readahead (loop disk)": for the bar line and the tables.</summary>
    public string Brief => $"at {(ReadaheadKb is { } kb ? $"{kb:N0} kB" : "unknown")} readahead ({(LoopDisk ? "loop disk" : "the machine's disk")})";
}
