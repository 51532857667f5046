namespace Bootstrap.Bench.Results;

/// <summary>
/// One process serving a cold invocation and then M warm ones: each warm round trip (event written → response
/// received, µs), and the process's peak RSS and page faults after the last one.
/// </summary>
public sealed record WarmRunSample(
    double[] RoundTripsUs,
    long PeakRssKb,
    long MinorFaults,
    long MajorFaults);
