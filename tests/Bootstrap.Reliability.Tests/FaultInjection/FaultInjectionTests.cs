namespace Bootstrap.Reliability.Tests.FaultInjection;

/// <summary>
/// The real AOT bootstrap against a Runtime API that misbehaves in one scripted way per test, at every call:
/// each fault gets the outcome <see cref="PromisedOutcomes"/> promises, within a bound, and the reply rules hold.
/// </summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class FaultInjectionTests
{
    /// <summary>Longest wait for an exit or a reply; the outcomes themselves take milliseconds.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>How each call is reached: the handler, which occurrence is faulted, the events, the reply a handler gives.</summary>
    private sealed record Setup(string Handler, int Occurrence, string Event, string FaultedEvent, RuntimeApiCall Reply);

    private static Setup SetupFor(RuntimeApiCall call) => call switch
    {
        // The second /next, on a connection that has served: the first invocation goes through untouched. The faulted
        // invocation's handler takes a while, so a connection closed behind its answer is closed before the reply goes out.
        RuntimeApiCall.Next => new("sleep", 2, "{\"ms\":0,\"blocking\":true}", "{\"ms\":500,\"blocking\":true}", RuntimeApiCall.Response),
        RuntimeApiCall.Response => new("echo", 1, "{\"hello\":\"world\"}", "", RuntimeApiCall.Response),
        RuntimeApiCall.Error => new("fail", 1, "{}", "", RuntimeApiCall.Error),
        RuntimeApiCall.StreamedResponse => new("stream", 1, "{\"chunks\":3,\"delayMs\":0}", "", RuntimeApiCall.StreamedResponse),
        RuntimeApiCall.InitError => new("no-such-handler", 1, "{}", "", RuntimeApiCall.Response),
        _ => new("counter", 1, "{}", "", RuntimeApiCall.Response),
    };

    public static TheoryData<RuntimeApiCall, Fault> Cases()
    {
        var cases = new TheoryData<RuntimeApiCall, Fault>();
        foreach (var call in Enum.GetValues<RuntimeApiCall>().Where(c => c != RuntimeApiCall.Unknown))
        {
            foreach (var fault in PromisedOutcomes.FaultsFor(call))
                cases.Add(call, fault);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_has_its_promised_outcome(RuntimeApiCall call, Fault fault)
    {
        var setup = SetupFor(call);
        var promised = PromisedOutcomes.For(call, fault);
        await using var api = new ScriptedRuntimeApi(call, setup.Occurrence, fault, System.Text.Encoding.UTF8.GetBytes(setup.FaultedEvent));
        using var run = BootstrapRun.Start(BootstrapBinaries.Host, api.Address, setup.Handler);

        string? first = call is RuntimeApiCall.Next or RuntimeApiCall.Response or RuntimeApiCall.Error or RuntimeApiCall.StreamedResponse
            ? api.Enqueue(setup.Event)
            : null;
        await UntilAsync(api.ScriptApplied, run, "the fault to be applied");
        Assert.True(api.FaultApplied, $"the bootstrap ended before the fault:\n{run.Output.Text}");

        if (promised == Outcome.Exits)
        {
            int? exitCode = await run.WaitForExitAsync(Bound);
            Assert.True(exitCode is not null, $"still running {Bound.TotalSeconds} s after the fault, promised to exit:\n{run.Output.Text}");
            Assert.NotEqual(0, exitCode);
            var line = Assert.Single(run.Output.Stderr);
            Assert.StartsWith("bootstrap: ", line);
        }
        else
        {
            string next = api.Enqueue(setup.Event);
            await UntilAsync(api.WaitForReplyAsync(next), run, "the next invocation's reply");
            Assert.False(run.HasExited, $"exited, promised to go on:\n{run.Output.Text}");
            Assert.Empty(run.Output.Stderr);
            // An invocation that arrived whole on a connection that stays is answered (at most once, whatever the fault).
            if (call == RuntimeApiCall.Next && FaultedAnswer.Apply(fault, Answer.Accepted()).Ending == Ending.KeepServing)
                Assert.Single(api.RepliesFor("faulted-1"));
        }

        if (first is not null && call != RuntimeApiCall.Next)
            Assert.Single(api.RepliesFor(first));
        if (call == RuntimeApiCall.Next && promised == Outcome.Exits)
            Assert.Empty(api.RepliesFor("faulted-1"));
        if (call == RuntimeApiCall.InitError)
            Assert.Single(api.Received, r => r.Call == RuntimeApiCall.InitError);
        AssertReplyRules(api, setup.Reply, run);
    }

    [Fact]
    public async Task The_first_next_closed_before_its_status_line_exits()
    {
        await using var api = new ScriptedRuntimeApi(RuntimeApiCall.Next, 1, Fault.CloseBeforeStatusLine, "{}"u8.ToArray());
        using var run = BootstrapRun.Start(BootstrapBinaries.Host, api.Address, "echo");
        Assert.NotEqual(0, await run.WaitForExitAsync(Bound) ?? 0);
        Assert.Contains("closed the connection", Assert.Single(run.Output.Stderr));
        Assert.Single(api.Received, r => r.Call == RuntimeApiCall.Next);
    }

    /// <summary>Replies go only to ids that were handed out, at most one per id, and only of the kind the handler gives.</summary>
    private static void AssertReplyRules(ScriptedRuntimeApi api, RuntimeApiCall expectedKind, ChildProcess run)
    {
        var replies = api.Received.Where(r => r.RequestId is not null).ToList();
        foreach (var reply in replies)
        {
            Assert.True(api.IssuedRequestIds.Contains(reply.RequestId!), $"a reply to {reply.RequestId}, an id never handed out:\n{run.Output.Text}");
            Assert.True(reply.Call == expectedKind, $"a {reply.Call} reply where the handler gives {expectedKind} (a transport fault reported as a handler error?):\n{run.Output.Text}");
        }
        foreach (var group in replies.GroupBy(r => r.RequestId))
            Assert.True(group.Count() == 1, $"{group.Count()} replies to {group.Key}:\n{run.Output.Text}");
    }

    /// <summary>Waits for <paramref name="awaited"/> or the bootstrap's exit, whichever comes first.</summary>
    private static async Task UntilAsync(Task awaited, ChildProcess run, string what)
    {
        var first = await Task.WhenAny(awaited, run.Exited, Task.Delay(Bound));
        if (first != awaited && first != run.Exited)
            Assert.Fail($"no {what} within {Bound.TotalSeconds} s:\n{run.Output.Text}");
    }
}
