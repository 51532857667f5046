using System.Text;
using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime;
using static RuntimeTests.TestData;

namespace RuntimeTests;

/// <summary>Observers around an invocation: two run as a pair, in order and then in reverse, each failing on its own.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationObserverTests
{
    private sealed class Recording(string name, List<string> calls, bool failAtStart = false) : InvocationObserver
    {
        public override object? OnStart(LambdaContext context)
        {
            calls.Add($"start {name}");
            return failAtStart ? throw new InvalidOperationException($"{name} broke") : name;
        }

        public override void OnEnd(LambdaContext context, object? state, Exception? failure) => calls.Add($"end {name} with {state ?? "nothing"}");
    }

    [Fact]
    public void A_pair_starts_its_first_first_and_ends_it_last_each_with_its_own_state()
    {
        List<string> calls = [];
        using var context = Context();
        InvocationObserver pair = new InvocationObserverPair(new InvocationObserverPair(new Recording("a", calls), new Recording("b", calls)), new Recording("c", calls));

        pair.End(context, pair.Start(context), failure: null);

        Assert.Equal(["start a", "start b", "start c", "end c with c", "end b with b", "end a with a"], calls);
    }

    [Fact]
    public void An_observer_that_fails_is_logged_and_the_other_still_runs()
    {
        List<string> calls = [];
        var log = new MemoryStream();
        using var context = Context(log: new LogWriter(log, LogFormat.Text, LogLevel.Information));
        InvocationObserver pair = new InvocationObserverPair(new Recording("a", calls, failAtStart: true), new Recording("b", calls));

        pair.End(context, pair.Start(context), failure: null);

        Assert.Equal(["start a", "start b", "end b with b", "end a with nothing"], calls);
        Assert.Contains("at the invocation's start: InvalidOperationException: a broke", Encoding.UTF8.GetString(log.ToArray()));
    }

    [Fact]
    public void A_pair_includes_each_of_its_observers()
    {
        var (a, b, c) = (new Recording("a", []), new Recording("b", []), new Recording("c", []));
        var pair = new InvocationObserverPair(a, b);
        Assert.True(pair.Includes(a));
        Assert.True(pair.Includes(b));
        Assert.False(pair.Includes(c));
    }
}
