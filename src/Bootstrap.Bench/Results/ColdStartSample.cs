namespace Bootstrap.Bench.Results;

/// <summary>
/// One cold start: spawn → first <c>GET /next</c> received (init) and spawn → first response received (cold
/// invoke), then, once the process waits on its second <c>/next</c>, its peak RSS and page faults.
/// <see cref="ResidentAfterEviction"/> is the share of the binary still cached after a cold-disk eviction, and
/// <see cref="BytesRead"/> the bytes of the binary that start brought into the page cache, readahead included, and
/// <see cref="BytesMapped"/> those the process had mapped in by then (cold disk only).
/// </summary>
public sealed record ColdStartSample(
    double InitMs,
    double ColdInvokeMs,
    long PeakRssKb,
    long MinorFaults,
    long MajorFaults,
    double? ResidentAfterEviction,
    long? BytesRead = null,
    long? BytesMapped = null);
