namespace Bootstrap.Emulator.RuntimeApi;

/// <summary>One event on its way through the Runtime API: queued, handed out by <c>/next</c>, then answered once.</summary>
public sealed class Invocation
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;

    public Invocation(string requestId, byte[] payload, InvokeOptions options)
    {
        RequestId = requestId;
        Payload = payload;
        Options = options;
    }

    public string RequestId { get; }
    public byte[] Payload { get; }
    public InvokeOptions Options { get; }
    public string TraceId { get; internal set; } = "";
    public DateTimeOffset Deadline { get; internal set; }
    /// <summary>When <c>/next</c> handed it to the function.</summary>
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>Set when a response was refused with 413; the runtime's error report may still follow.</summary>
    public bool ResponseTooLarge { get; internal set; }

    public Task<InvocationOutcome> Outcome => _outcome.Task;
    /// <summary>Completes when <c>/next</c> hands the invocation to the function.</summary>
    public Task Started => _started.Task;
    public bool IsAnswered => Volatile.Read(ref _answered) != 0;

    internal void MarkStarted(DateTimeOffset now, TimeSpan timeout)
    {
        StartedAt = now;
        Deadline = now + timeout;
        _started.TrySetResult();
    }

    /// <summary>Records the one answer. False if it was already answered (nothing is overwritten).</summary>
    public bool TryAnswer(InvocationOutcome outcome)
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
            return false;
        _outcome.TrySetResult(outcome);
        return true;
    }
}

/// <summary>What the caller of an invoke can set, as the Invoke API lets it.</summary>
public sealed record InvokeOptions
{
    /// <summary>Client context JSON, passed as Lambda-Runtime-Client-Context.</summary>
    public string? ClientContext { get; init; }
    /// <summary>Cognito identity JSON, passed as Lambda-Runtime-Cognito-Identity.</summary>
    public string? CognitoIdentity { get; init; }
    public string? TenantId { get; init; }
    /// <summary>A trace header to pass instead of a fresh one; an empty string sends no trace header at all.</summary>
    public string? TraceId { get; init; }

    public static readonly InvokeOptions None = new();
}
