using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.Extensions.Time.Testing;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Replies after the deadline: 410 when the server enforces it, and after a local function's timeout.</summary>
[Collection(TimingSensitive.Name)]
[Trait(Tier.Name, Tier.Unit)]
public sealed class DeadlineTests
{
    [Fact]
    public async Task With_the_deadline_enforced_a_reply_after_it_is_410_and_changes_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(1.5), EnforceDeadline = true, TimeProvider = clock });
        using var runtime = new FakeRuntime(api.Address);

        var onTime = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        using var accepted = await runtime.RespondAsync(next.RequestId, "on time", next.InvocationId);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("on time", (await onTime.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);

        var late = api.Enqueue([2]);
        next = await runtime.NextAsync();
        clock.Advance(late.Deadline - clock.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        using var refused = await runtime.RespondAsync(next.RequestId, "late", next.InvocationId);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("InvocationGone", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("deadline passed", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.False(late.IsAnswered);
    }

    [Fact]
    public async Task By_default_a_bare_server_still_accepts_a_reply_after_the_deadline()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromMilliseconds(100), TimeProvider = clock });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        using var response = await runtime.RespondAsync(next.RequestId, "late", next.InvocationId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("late", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);
    }

    [Fact]
    public async Task A_reply_after_a_local_function_timed_the_invocation_out_is_410()
    {
        var clock = new TestClock();
        await using var fake = await FakeFunction.StartAsync(timeout: TimeSpan.FromSeconds(3), time: clock);
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        // Two timers: the init timeout's, then, once the function has the event, the function timeout's.
        await clock.UntilTimersArmedAsync(2);
        clock.Advance(TimeSpan.FromSeconds(3));
        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        string error = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sandbox.Timedout", error);
        Assert.Contains("Task timed out after 3.00 seconds", error);

        using var late = await fake.Runtime.RespondAsync(next.RequestId, "late", next.InvocationId);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("timed out", await late.Content.ReadAsStringAsync());
        Assert.Single(fake.Reports);
    }
}
