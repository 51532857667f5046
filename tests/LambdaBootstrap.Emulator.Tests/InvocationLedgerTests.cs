using System.Threading.Channels;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The invocation ledger on its own: the queue, the reply rules and the 413 outcome, with no server.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static async Task<(InvocationLedger, Invocation)> HandedOut(bool enforceDeadline = false, int settledKept = InvocationLedger.SettledKept)
    {
        var ledger = new InvocationLedger(Timeout, enforceDeadline, settledKept);
        ledger.Enqueue([1], InvokeOptions.None);
        var invocation = await ledger.NextAsync(() => T0, CancellationToken.None);
        return (ledger, invocation);
    }

    [Fact]
    public async Task Next_hands_out_in_order_with_a_fresh_invocation_id_and_the_deadline_from_now()
    {
        var ledger = new InvocationLedger(Timeout, enforceDeadline: false);
        var first = ledger.Enqueue([1], InvokeOptions.None);
        var second = ledger.Enqueue([2], InvokeOptions.None);
        Assert.Same(first, await ledger.NextAsync(() => T0, CancellationToken.None));
        Assert.Same(second, await ledger.NextAsync(() => T0, CancellationToken.None));
        Assert.Equal(T0 + Timeout, first.Deadline);
        Assert.NotEqual(first.InvocationId, second.InvocationId);
        Assert.True(first.Started.IsCompleted);
        Assert.Equal(2, ledger.HandedOut);
    }

    [Fact]
    public async Task Next_skips_an_invocation_settled_while_queued_and_ends_when_completed()
    {
        var ledger = new InvocationLedger(Timeout, enforceDeadline: false);
        var abandoned = ledger.Enqueue([1], InvokeOptions.None);
        var kept = ledger.Enqueue([2], InvokeOptions.None);
        abandoned.TryAnswer(InvocationOutcome.Error("Runtime.ExitError", "gone"));
        Assert.Same(kept, await ledger.NextAsync(() => T0, CancellationToken.None));
        ledger.Complete();
        await Assert.ThrowsAsync<ChannelClosedException>(async () => await ledger.NextAsync(() => T0, CancellationToken.None));
    }

    [Fact]
    public async Task An_open_invocation_accepts_a_response_or_an_error_with_or_without_its_invocation_id()
    {
        var (ledger, invocation) = await HandedOut();
        foreach (var kind in new[] { ReplyKind.Response, ReplyKind.Error })
        {
            foreach (string? id in new[] { null, invocation.InvocationId })
            {
                var verdict = ledger.Check(invocation.RequestId, id, kind, T0);
                Assert.True(verdict.Accepted);
                Assert.Same(invocation, verdict.Invocation);
            }
        }
    }

    [Fact]
    public void An_unknown_request_id_is_400()
    {
        var ledger = new InvocationLedger(Timeout, enforceDeadline: false);
        var verdict = ledger.Check("nope", null, ReplyKind.Response, T0);
        Assert.Equal((400, "InvalidRequestID", "Invalid request ID: nope"), (verdict.Status, verdict.ErrorType, verdict.Message));
    }

    [Fact]
    public async Task Another_invocation_id_is_410_before_anything_else()
    {
        var (ledger, invocation) = await HandedOut();
        var verdict = ledger.Check(invocation.RequestId, "stale", ReplyKind.Response, T0);
        Assert.Equal(410, verdict.Status);
        Assert.Equal("InvocationGone", verdict.ErrorType);
        Assert.Contains("'stale' is not its current invocation id", verdict.Message);
        Assert.Contains("\"errorType\":\"InvocationGone\"", verdict.Body);
    }

    [Fact]
    public async Task The_deadline_counts_only_when_enforced()
    {
        var (lenient, a) = await HandedOut(enforceDeadline: false);
        Assert.True(lenient.Check(a.RequestId, null, ReplyKind.Response, T0 + Timeout + TimeSpan.FromSeconds(1)).Accepted);
        var (strict, b) = await HandedOut(enforceDeadline: true);
        Assert.True(strict.Check(b.RequestId, null, ReplyKind.Response, T0 + Timeout).Accepted);
        var late = strict.Check(b.RequestId, null, ReplyKind.Error, T0 + Timeout + TimeSpan.FromMilliseconds(250));
        Assert.Equal(410, late.Status);
        Assert.EndsWith("its deadline passed 250 ms ago", late.Message);
    }

    [Fact]
    public async Task An_answered_invocation_refuses_with_403_and_a_timed_out_one_with_410_held_or_let_go()
    {
        var (answeredLedger, answered) = await HandedOut();
        var (timedOutLedger, timedOut) = await HandedOut();
        var stillHeld = answeredLedger.Check(answered.RequestId, null, ReplyKind.Error, T0);
        Assert.True(stillHeld.Accepted);

        answered.TryAnswer(InvocationOutcome.Response([1]));
        timedOut.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout", "late"));
        Assert.Equal(403, answeredLedger.Check(answered.RequestId, null, ReplyKind.Error, T0).Status);
        Assert.Equal(0, timedOutLedger.HandedOut);
        var gone = timedOutLedger.Check(timedOut.RequestId, null, ReplyKind.Response, T0);
        Assert.Equal((410, $"Invocation {timedOut.RequestId} is gone: it timed out"), (gone.Status, gone.Message));
    }

    [Fact]
    public async Task A_settled_invocation_is_judged_by_the_same_rules_after_it_is_let_go()
    {
        var (ledger, invocation) = await HandedOut();
        invocation.TryAnswer(InvocationOutcome.Response([1]));
        Assert.Equal(0, ledger.HandedOut);
        Assert.Equal(1, ledger.Settled);
        var again = ledger.Check(invocation.RequestId, invocation.InvocationId, ReplyKind.Response, T0);
        Assert.Equal((403, "InvalidStateTransition", $"Invocation {invocation.RequestId} was already answered"), (again.Status, again.ErrorType, again.Message));
        Assert.Equal(410, ledger.Check(invocation.RequestId, "other", ReplyKind.Error, T0).Status);
    }

    [Fact]
    public async Task After_a_streamed_response_only_an_error_may_follow()
    {
        var (ledger, invocation) = await HandedOut();
        invocation.BeginStream("text/plain", TimeProvider.System);
        Assert.Equal(403, ledger.Check(invocation.RequestId, null, ReplyKind.Response, T0).Status);
        Assert.True(ledger.Check(invocation.RequestId, null, ReplyKind.Error, T0).Accepted);
    }

    [Fact]
    public async Task Too_large_settles_the_invocation_at_once_and_a_later_error_report_is_refused()
    {
        var (ledger, invocation) = await HandedOut();
        var refusal = ledger.SettleTooLarge(invocation, 7_000_000, RuntimeApiServer.MaxResponseBytes);
        Assert.Equal((413, "RequestEntityTooLarge", "Exceeded maximum allowed payload size (6291556 bytes)."), (refusal.Status, refusal.ErrorType, refusal.Message));
        Assert.True(invocation.Outcome.IsCompletedSuccessfully);
        var outcome = await invocation.Outcome;
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorType);
        Assert.Contains("Response payload size (7000000 bytes) exceeded maximum allowed payload size (6291556 bytes).", outcome.BodyText);
        Assert.Equal(403, ledger.Check(invocation.RequestId, null, ReplyKind.Error, T0).Status);
    }

    [Fact]
    public async Task Only_the_most_recent_settled_invocations_are_kept()
    {
        var ledger = new InvocationLedger(Timeout, enforceDeadline: false, settledKept: 2);
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ledger.Enqueue([1], InvokeOptions.None);
            var invocation = await ledger.NextAsync(() => T0, CancellationToken.None);
            invocation.TryAnswer(InvocationOutcome.Response([]));
            ids.Add(invocation.RequestId);
        }
        Assert.Equal(2, ledger.Settled);
        Assert.Equal(400, ledger.Check(ids[0], null, ReplyKind.Error, T0).Status);
        Assert.Equal(403, ledger.Check(ids[2], null, ReplyKind.Error, T0).Status);
    }
}
