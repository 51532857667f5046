namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// What one invocation adds to its log lines: its ids, its ARN, whether it is the cold start, whether it was sampled
/// for debug logging, and the keys its handler appended. Made per invocation, so nothing reaches the next one.
/// </summary>
internal sealed class LogScope(string requestId, string? traceId, string? functionArn, bool coldStart, bool debugSampled)
{
    private LogKeys? _keys;

    public string RequestId { get; } = requestId;
    public string? TraceId { get; } = traceId;
    public string? FunctionArn { get; } = functionArn;
    public bool ColdStart { get; } = coldStart;
    /// <summary>Chosen by log sampling: this invocation logs at DEBUG whatever the function's level.</summary>
    public bool DebugSampled { get; } = debugSampled;

    /// <summary>The keys appended during this invocation; null until the first.</summary>
    public LogKeys? Keys => _keys;

    public void AppendKey(string key, string value) => (_keys ??= new LogKeys()).Append(key, value);
}
