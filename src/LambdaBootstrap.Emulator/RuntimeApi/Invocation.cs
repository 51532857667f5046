namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>One event on its way through the Runtime API: queued, handed out by <c>/next</c>, then answered once.</summary>
internal sealed class Invocation
{
    private const int Open = 0, Answered = 1, TimedOut = 2;
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<StreamedResponseRecording> _streamingStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Cancelled once the invocation is settled, so a response still streaming in stops at once.
    private readonly CancellationTokenSource _settled = new();
    private int _state;

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
    /// <summary>
    /// The Lambda-Runtime-Invocation-Id <c>/next</c> sent with this event, fresh each time it is handed out (and
    /// unlike the request id). A reply that carries another one is answered 410; a reply without one is accepted.
    /// </summary>
    public string InvocationId { get; private set; } = "";
    public DateTimeOffset Deadline { get; private set; }
    /// <summary>When <c>/next</c> handed it to the function.</summary>
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>The raw Lambda-Runtime-Function-XRay-Error-Cause header of the error report that answered it, if it had one.</summary>
    public string? XRayErrorCause => AnsweredWith?.XRayErrorCause;
    /// <summary>Why <see cref="XRayErrorCause"/> is malformed (see <see cref="XRayErrorCauseFormat"/>); null when it is valid or absent.</summary>
    public string? XRayErrorCauseProblem => AnsweredWith?.XRayErrorCauseProblem;

    /// <summary>The response streaming in (Lambda-Runtime-Function-Response-Mode: streaming), from its first byte; null when not streamed.</summary>
    public StreamedResponseRecording? Stream { get; private set; }
    /// <summary>Completes when the first byte of a streamed response arrives; never, for a buffered response.</summary>
    public Task<StreamedResponseRecording> StreamingStarted => _streamingStarted.Task;
    public bool IsStreamed => Stream is not null;
    /// <summary>Each read of a streamed response: time since its first byte, and byte count. Empty when not streamed.</summary>
    public IReadOnlyList<StreamedChunk> StreamedChunks => Stream?.Chunks ?? [];
    /// <summary>The bytes streamed, including those sent before a mid-stream error. Empty when not streamed.</summary>
    public byte[] StreamedBody => Stream?.ToArray() ?? [];

    public Task<InvocationOutcome> Outcome => _outcome.Task;
    private InvocationOutcome? AnsweredWith => _outcome.Task.IsCompletedSuccessfully ? _outcome.Task.Result : null;
    /// <summary>Completes when <c>/next</c> hands the invocation to the function.</summary>
    public Task Started => _started.Task;
    public bool IsAnswered => Volatile.Read(ref _state) != Open;
    /// <summary>Settled by <see cref="TryTimeOut"/>: replies to it now get 410.</summary>
    public bool IsTimedOut => Volatile.Read(ref _state) == TimedOut;
    internal CancellationToken Settled => _settled.Token;

    internal void MarkStarted(DateTimeOffset now, TimeSpan timeout)
    {
        InvocationId = Guid.NewGuid().ToString();
        StartedAt = now;
        Deadline = now + timeout;
        _started.TrySetResult();
    }

    /// <summary>Starts recording a streamed response; its readers see it once the first byte is in.</summary>
    internal StreamedResponseRecording BeginStream(string contentType, TimeProvider time) => Stream = new StreamedResponseRecording(contentType, time);

    /// <summary>Adds one read to the streamed response. False once the invocation is settled (the bytes are dropped).</summary>
    internal bool AppendStreamed(ReadOnlySpan<byte> bytes)
    {
        var stream = Stream ?? throw new InvalidOperationException("no streamed response was begun");
        if (IsAnswered || !stream.Append(bytes))
            return false;
        if (!bytes.IsEmpty)
            _streamingStarted.TrySetResult(stream);
        return true;
    }

    /// <summary>Records the one answer. False if it was already answered (nothing is overwritten).</summary>
    public bool TryAnswer(InvocationOutcome outcome) => Settle(Answered, outcome, null);

    /// <summary>
    /// Like <see cref="TryAnswer(InvocationOutcome)"/>; <paramref name="won"/> runs only if this answer is the one,
    /// before <see cref="Outcome"/> completes, so what it records is there for whoever awaits the outcome.
    /// </summary>
    internal bool TryAnswer(InvocationOutcome outcome, Action won) => Settle(Answered, outcome, won);

    /// <summary>Settles it as timed out: like <see cref="TryAnswer(InvocationOutcome)"/>, and a reply that still comes gets 410, not 403.</summary>
    public bool TryTimeOut(InvocationOutcome outcome) => Settle(TimedOut, outcome, null);

    private bool Settle(int state, InvocationOutcome outcome, Action? won)
    {
        if (Interlocked.CompareExchange(ref _state, state, Open) != Open)
            return false;
        won?.Invoke();
        Stream?.Complete();
        // The ledger lets it go on this cancellation: before the outcome completes, so whoever awaits it finds it let go.
        _settled.Cancel();
        _outcome.TrySetResult(outcome);
        return true;
    }
}

/// <summary>What the caller of an invoke can set, as the Invoke API lets it.</summary>
internal sealed record InvokeOptions
{
    /// <summary>Client context JSON, passed as Lambda-Runtime-Client-Context.</summary>
    public string? ClientContext { get; init; }
    /// <summary>Cognito identity JSON, passed as Lambda-Runtime-Cognito-Identity.</summary>
    public string? CognitoIdentity { get; init; }
    public string? TenantId { get; init; }
    /// <summary>A trace header to pass instead of a fresh one; an empty string sends no trace header at all.</summary>
    public string? TraceId { get; init; }
    /// <summary>The version or alias the caller named; the function sees it at the end of its invoked ARN.</summary>
    public string? Qualifier { get; init; }
    /// <summary>Keep the invocation's log for the caller (<c>LogType: Tail</c>).</summary>
    public bool TailLog { get; init; }
    /// <summary>The request id to run under instead of a fresh one: an asynchronous invoke's retry keeps its first.</summary>
    public string? RequestId { get; init; }

    public static readonly InvokeOptions None = new();
}
