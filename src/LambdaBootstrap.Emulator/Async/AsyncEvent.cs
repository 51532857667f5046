using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// An event invoked asynchronously: its request id (the same on every attempt), its payload, its attempts so far,
/// and, once it has ended, how and where its record and payload went.
/// </summary>
internal sealed class AsyncEvent
{
    private readonly Lock _lock = new();
    private readonly List<AsyncAttempt> _attempts = [];
    private readonly List<string> _deliveredTo = [];

    public AsyncEvent(string requestId, byte[] payload, InvokeOptions options, DateTimeOffset receivedAt)
    {
        RequestId = requestId;
        Payload = payload;
        Options = options;
        ReceivedAt = receivedAt;
    }

    public string RequestId { get; }
    public byte[] Payload { get; }
    public InvokeOptions Options { get; }
    public DateTimeOffset ReceivedAt { get; }
    public AsyncCondition Condition { get; private set; } = AsyncCondition.Pending;
    /// <summary>The last attempt's result; null before the first has finished.</summary>
    public InvokeResult? LastResult { get; private set; }

    public IReadOnlyList<AsyncAttempt> Attempts
    {
        get { lock (_lock) return [.. _attempts]; }
    }

    /// <summary>The ARNs its invocation record or payload went to (destinations, dead-letter queue).</summary>
    public IReadOnlyList<string> DeliveredTo
    {
        get { lock (_lock) return [.. _deliveredTo]; }
    }

    internal void Attempted(DateTimeOffset startedAt, InvokeResult result)
    {
        lock (_lock)
            _attempts.Add(new AsyncAttempt(_attempts.Count + 1, startedAt, result.Outcome.IsError ? result.Outcome.ErrorType ?? "Unhandled" : null));
        LastResult = result;
    }

    internal void End(AsyncCondition condition) => Condition = condition;

    internal void Delivered(string arn)
    {
        lock (_lock)
            _deliveredTo.Add(arn);
    }
}
