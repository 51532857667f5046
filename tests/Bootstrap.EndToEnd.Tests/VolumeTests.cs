using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Many invocations on one process: each answered exactly once, on one connection, in little memory.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class VolumeTests
{
    [Fact]
    public async Task A_thousand_invocations_in_a_row_are_each_answered_exactly_once()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        var invocations = new List<Invocation>();
        for (int i = 0; i < 1000; i++)
            invocations.Add(function.Api.Enqueue(BitConverter.GetBytes(i)));
        var outcomes = await Task.WhenAll(invocations.Select(i => i.Outcome)).WaitAsync(TimeSpan.FromSeconds(60));

        for (int i = 0; i < 1000; i++)
            Assert.Equal(BitConverter.GetBytes(i), outcomes[i].Body);
        var responses = function.Requests.Where(r => r.Path.EndsWith("/response")).ToList();
        Assert.Equal(1000, responses.Count);
        Assert.Equal(1000, responses.Select(r => r.Path).Distinct().Count());
        Assert.Equal(0, function.Api.RefusedReplies);
        Assert.False(function.Process.HasExited);
    }

    [Fact]
    public async Task Serving_echo_stays_within_the_memory_budget()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        for (int i = 0; i < 50; i++)
            await function.InvokeAsync("{\"hello\":\"world\"}");
        long? peakKb = function.Process.PeakRssKb();
        Assert.NotNull(peakKb);
        Assert.True(peakKb <= 8 * 1024, $"peak RSS {peakKb} KiB is over the 8 MiB budget");
    }
}
