namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// What one invocation adds to its log lines: its ids, its ARN, whether it is the cold start, whether it was sampled
/// for debug logging, and the keys its handler appended. The invocation's context is its scope (it derives from this),
/// so nothing reaches the next invocation and no object is made for it.
/// </summary>
internal abstract class LogScope(string awsRequestId, string? traceId, string? invokedFunctionArn, bool isColdStart)
{
    private LogKeys? _keys;

    public string AwsRequestId { get; } = awsRequestId;
    public string? TraceId { get; } = traceId;
    public string? InvokedFunctionArn { get; } = invokedFunctionArn;
    /// <summary>The first invocation of the process.</summary>
    public bool IsColdStart { get; } = isColdStart;
    /// <summary>Chosen by log sampling: this invocation logs at DEBUG whatever the function's level.</summary>
    public bool DebugSampled { get; protected init; }

    /// <summary>The keys appended during this invocation; null until the first.</summary>
    public LogKeys? Keys => _keys;

    public void AppendKey(string key, string value) => (_keys ??= new LogKeys()).Append(key, value);
}
