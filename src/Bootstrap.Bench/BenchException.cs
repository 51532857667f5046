namespace Bootstrap.Bench;

/// <summary>A failure the bench reports in one clear message and a non-zero exit: a variant did not answer, a build failed.</summary>
public sealed class BenchException(string message) : Exception(message);
