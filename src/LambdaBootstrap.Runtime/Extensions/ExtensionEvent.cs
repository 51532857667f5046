namespace LambdaBootstrap.Runtime.Extensions;

/// <summary>An event from <c>event/next</c>: an INVOKE (with its request) or a SHUTDOWN (with its reason).</summary>
public sealed class ExtensionEvent
{
    /// <summary><see cref="ExtensionEventTypes.Invoke"/> or <see cref="ExtensionEventTypes.Shutdown"/>.</summary>
    public ExtensionEventTypes EventType { get; init; }
    /// <summary>The invoke's deadline, or the shutdown's, in milliseconds since the Unix epoch.</summary>
    public long DeadlineMs { get; init; }
    /// <summary>The invocation's request id (INVOKE).</summary>
    public string? RequestId { get; init; }
    /// <summary>The ARN the function was invoked by (INVOKE).</summary>
    public string? InvokedFunctionArn { get; init; }
    /// <summary>The X-Amzn-Trace-Id of the invocation (INVOKE), when it has one.</summary>
    public string? TraceId { get; init; }
    /// <summary><c>spindown</c>, <c>timeout</c> or <c>failure</c> (SHUTDOWN).</summary>
    public string? ShutdownReason { get; init; }
}
