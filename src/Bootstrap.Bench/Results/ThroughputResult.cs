namespace Bootstrap.Bench.Results;

/// <summary>
/// Warm invocations per second of one live process with AWS_LAMBDA_MAX_CONCURRENCY=<see cref="Concurrency"/>,
/// the lean Runtime API serving each of its connections from a thread of its own.
/// </summary>
public sealed record ThroughputResult(string Variant, int Concurrency, int Invocations, double Seconds, double PerSecond);
