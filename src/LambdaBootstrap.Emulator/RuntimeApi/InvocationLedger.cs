using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// The Runtime API's record of one function's invocations: the queue <c>/next</c> takes from, the invocations
/// handed out, and what is kept of settled ones. It decides every reply (<see cref="Check"/>) by one set of rules,
/// whether the invocation is still held or already let go, and owns the outcome of a response that is too large.
/// </summary>
internal sealed class InvocationLedger
{
    /// <summary>Settled invocations kept (as what a late reply needs to be refused correctly), the most recent first.</summary>
    public const int SettledKept = 10_000;

    private readonly Channel<Invocation> _queue = Channel.CreateUnbounded<Invocation>();
    private readonly ConcurrentDictionary<string, Invocation> _handedOut = new();
    private readonly ConcurrentDictionary<string, Standing> _settled = new();
    private readonly ConcurrentQueue<string> _settledOrder = new();
    private readonly TimeSpan _timeout;
    private readonly bool _enforceDeadline;
    private readonly int _settledKept;

    /// <param name="timeout">Each invocation's deadline is this long after it is handed out.</param>
    /// <param name="enforceDeadline">Refuse with 410 a reply that comes after the deadline (see <see cref="RuntimeApiOptions.EnforceDeadline"/>).</param>
    public InvocationLedger(TimeSpan timeout, bool enforceDeadline, int settledKept = SettledKept)
    {
        _timeout = timeout;
        _enforceDeadline = enforceDeadline;
        _settledKept = settledKept;
    }

    /// <summary>Invocations handed out and not yet settled (or settled a moment ago).</summary>
    public int HandedOut => _handedOut.Count;
    /// <summary>Settled invocations still remembered.</summary>
    public int Settled => _settled.Count;

    public Invocation Enqueue(byte[] payload, InvokeOptions options)
    {
        var invocation = new Invocation(options.RequestId ?? TraceIds.NewRequestId(), payload, options);
        _queue.Writer.TryWrite(invocation);
        return invocation;
    }

    /// <summary>
    /// Waits for the next invocation that is still open (one settled while queued, after a crash or timeout, is
    /// skipped) and hands it out: a fresh invocation id, a trace id, and its deadline from <paramref name="now"/>.
    /// </summary>
    public async ValueTask<Invocation> NextAsync(Func<DateTimeOffset> now, CancellationToken cancellationToken)
    {
        Invocation invocation;
        do
        {
            invocation = await _queue.Reader.ReadAsync(cancellationToken);
        }
        while (invocation.IsAnswered);

        var handedOutAt = now();
        invocation.TraceId = invocation.Options.TraceId ?? TraceIds.NewTraceHeader(handedOutAt);
        _handedOut[invocation.RequestId] = invocation;
        // Runs within the settling call (a cancellation callback), so the ledger is up to date when it returns.
        invocation.Settled.Register(() => LetGo(invocation));
        invocation.MarkStarted(handedOutAt, _timeout);
        return invocation;
    }

    /// <summary>
    /// Whether a reply of <paramref name="kind"/> for <paramref name="requestId"/>, carrying
    /// <paramref name="invocationId"/> (null when the runtime sent none), may answer its invocation at
    /// <paramref name="now"/>. Changes nothing.
    /// </summary>
    public ReplyVerdict Check(string requestId, string? invocationId, ReplyKind kind, DateTimeOffset now)
    {
        Standing standing;
        Invocation? live = null;
        if (_handedOut.TryGetValue(requestId, out live))
            standing = Standing.Of(live);
        else if (!_settled.TryGetValue(requestId, out standing))
            return ReplyVerdict.UnknownRequestId(requestId);

        if (invocationId is not null && invocationId != standing.InvocationId)
            return ReplyVerdict.Gone(requestId, $"{RuntimeApiServer.InvocationIdHeader} '{invocationId}' is not its current invocation id");
        if (standing.TimedOut)
            return ReplyVerdict.Gone(requestId, "it timed out");
        if (_enforceDeadline && !standing.Answered && now > standing.Deadline)
            return ReplyVerdict.Gone(requestId, string.Create(CultureInfo.InvariantCulture,
                $"its deadline passed {(now - standing.Deadline).TotalMilliseconds:0} ms ago"));
        if (standing.Answered)
            return ReplyVerdict.InvalidState($"Invocation {requestId} was already answered");
        if (kind == ReplyKind.Response && standing.Streamed)
            return ReplyVerdict.InvalidState($"Invocation {requestId} already has a streamed response; only an error report may follow it");
        return ReplyVerdict.Accept(live!);
    }

    /// <summary>
    /// A response over <paramref name="limit"/> ends its invocation at once, as Lambda does: the invoker gets
    /// <c>Function.ResponseSizeTooLarge</c> whatever the runtime does next, and the runtime gets 413 (its later
    /// error report, 403). <paramref name="size"/> is the response's size when it is known (a stream is cut first).
    /// </summary>
    public ReplyVerdict SettleTooLarge(Invocation invocation, long? size, long limit)
    {
        string measured = size is long bytes ? $" ({bytes} bytes)" : "";
        invocation.TryAnswer(InvocationOutcome.Error("Function.ResponseSizeTooLarge",
            $"Response payload size{measured} exceeded maximum allowed payload size ({limit} bytes)."));
        return new ReplyVerdict(invocation, 413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({limit} bytes).");
    }

    /// <summary>No more invocations: a waiting <see cref="NextAsync"/> ends with <see cref="ChannelClosedException"/>.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    // A settled invocation shrinks to its standing, and only the most recent are kept: a long-running emulator does
    // not hold every payload and response it ever served.
    private void LetGo(Invocation invocation)
    {
        _settled[invocation.RequestId] = Standing.Of(invocation);
        _settledOrder.Enqueue(invocation.RequestId);
        _handedOut.TryRemove(invocation.RequestId, out _);
        while (_settledOrder.Count > _settledKept && _settledOrder.TryDequeue(out string? oldest))
            _settled.TryRemove(oldest, out _);
    }

    /// <summary>What the reply rules look at, held or let go alike.</summary>
    private readonly record struct Standing(string InvocationId, bool Answered, bool TimedOut, bool Streamed, DateTimeOffset Deadline)
    {
        public static Standing Of(Invocation invocation) =>
            new(invocation.InvocationId, invocation.IsAnswered, invocation.IsTimedOut, invocation.IsStreamed, invocation.Deadline);
    }
}
