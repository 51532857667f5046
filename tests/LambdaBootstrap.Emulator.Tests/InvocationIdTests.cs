using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Lambda-Runtime-Invocation-Id: fresh on each <c>/next</c>, checked on replies; 410 for a reply that is gone.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationIdTests : IAsyncLifetime
{
    private RuntimeApiServer _api = null!;
    private FakeRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30) });
        _runtime = new FakeRuntime(_api.Address);
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Next_sends_a_fresh_invocation_id_with_each_event_distinct_from_the_request_id()
    {
        var first = _api.Enqueue([1]);
        var second = _api.Enqueue([2]);
        var a = await _runtime.NextAsync();
        var b = await _runtime.NextAsync();

        Assert.Equal(first.InvocationId, a.InvocationId);
        Assert.Equal(second.InvocationId, b.InvocationId);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", a.InvocationId);
        Assert.NotEqual(a.InvocationId, b.InvocationId);
        Assert.NotEqual(a.RequestId, a.InvocationId);
        Assert.NotEqual(b.RequestId, b.InvocationId);
    }

    [Fact]
    public async Task A_response_and_an_error_carrying_the_current_invocation_id_are_accepted()
    {
        var answered = _api.Enqueue([1]);
        var failed = _api.Enqueue([2]);
        var a = await _runtime.NextAsync();
        using var response = await _runtime.RespondAsync(a.RequestId, "ok", a.InvocationId);
        var b = await _runtime.NextAsync();
        using var error = await _runtime.ReportErrorAsync(b.RequestId, "Oops", "boom", b.InvocationId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Equal("ok", (await answered.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);
        Assert.Equal("Oops", (await failed.Outcome.WaitAsync(FakeRuntime.Patience)).ErrorType);
    }

    [Fact]
    public async Task A_reply_carrying_another_invocation_id_is_410_with_a_json_error_and_changes_nothing()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        string stale = Guid.NewGuid().ToString();

        using var response = await _runtime.RespondAsync(next.RequestId, "late", stale);
        using var error = await _runtime.ReportErrorAsync(next.RequestId, "Oops", "late", stale);

        foreach (var refused in new[] { response, error })
        {
            Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
            Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("InvocationGone", json.RootElement.GetProperty("errorType").GetString());
            Assert.Contains(stale, json.RootElement.GetProperty("errorMessage").GetString());
        }
        Assert.False(invocation.IsAnswered);
        Assert.Equal(2, _api.RefusedReplies);

        using var current = await _runtime.RespondAsync(next.RequestId, "on time", next.InvocationId);
        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);
        Assert.Equal("on time", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);
    }

    [Fact]
    public async Task A_reply_without_the_header_is_accepted_as_from_an_older_runtime()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        using var response = await _runtime.RespondAsync(next.RequestId, "ok", invocationId: null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ok", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);
    }

    [Fact]
    public async Task A_reply_to_an_invocation_that_timed_out_is_410_not_403_and_the_timeout_stands()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        Assert.True(invocation.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout", "timed out")));
        Assert.True(invocation.IsTimedOut);

        using var response = await _runtime.RespondAsync(next.RequestId, "too late", next.InvocationId);
        using var unmarked = await _runtime.ReportErrorAsync(next.RequestId, "Oops", "too late");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, unmarked.StatusCode);
        Assert.Contains("timed out", await response.Content.ReadAsStringAsync());
        Assert.Equal("Sandbox.Timedout", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).ErrorType);
    }

    [Fact]
    public async Task An_invocation_answered_in_time_still_refuses_a_second_reply_with_403()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        (await _runtime.RespondAsync(next.RequestId, "first", next.InvocationId)).Dispose();
        using var again = await _runtime.RespondAsync(next.RequestId, "second", next.InvocationId);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.False(invocation.IsTimedOut);
    }
}
