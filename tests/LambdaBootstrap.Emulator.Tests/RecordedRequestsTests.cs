using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// Recorded by a <see cref="RequestRecorder"/>, a request is among its requests before its answer is sent, and a reply, as
/// accepted (202), by the time its invocation's outcome completes: whoever awaits the answer or the outcome can read
/// the request at once, for <c>/next</c>, a response, an error report and a streamed response alike. Many rounds each,
/// since without that order the request lands a moment after what follows from it.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RecordedRequestsTests : IAsyncLifetime
{
    private const int Rounds = 150;
    private readonly RequestRecorder _recorder = new();
    private RuntimeApiServer _api = null!;
    private FakeRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30), Middleware = _recorder.Middleware });
        _runtime = new FakeRuntime(_api.Address);
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _api.DisposeAsync();
    }

    public static TheoryData<string> Replies => ["response", "error", "streamed"];

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task A_reply_is_recorded_before_its_invocation_s_outcome_completes(string reply)
    {
        for (int round = 0; round < Rounds; round++)
        {
            var invocation = _api.Enqueue([1]);
            var next = await _runtime.NextAsync();
            Assert.Equal(round + 1, _recorder.Requests.Count(r => r.Path.EndsWith("/next") && r.StatusCode == 200));
            var sent = reply switch
            {
                "response" => _runtime.RespondAsync(next.RequestId, "ok", next.InvocationId),
                "error" => _runtime.ReportErrorAsync(next.RequestId, "Oops", "it broke", next.InvocationId),
                _ => _runtime.StreamAsync(next.RequestId, next.InvocationId, body => body.WriteAsync("ok"u8.ToArray()).AsTask()),
            };
            await invocation.Outcome.WaitAsync(FakeRuntime.Patience);

            string path = $"/2018-06-01/runtime/invocation/{next.RequestId}/{(reply == "error" ? "error" : "response")}";
            var recorded = _recorder.Requests.Where(r => r.Path == path).ToList();
            Assert.True(recorded.Count == 1, $"round {round}: the {reply} was not among the recorded requests when its outcome completed");
            Assert.Equal(202, recorded[0].StatusCode);
            if (reply == "streamed")
                Assert.Equal("ok"u8.ToArray(), recorded[0].Body);
            (await sent.WaitAsync(FakeRuntime.Patience)).Dispose();
        }
    }

    [Fact]
    public async Task A_refused_reply_is_recorded_once_with_its_status()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        (await _runtime.RespondAsync(next.RequestId, "ok", next.InvocationId)).Dispose();
        await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        using var again = await _runtime.RespondAsync(next.RequestId, "again", next.InvocationId);

        var replies = _recorder.Requests.Where(r => r.Path.EndsWith($"{next.RequestId}/response")).Select(r => r.StatusCode).ToList();
        Assert.Equal([202, (int)again.StatusCode], replies);
        Assert.Equal(403, (int)again.StatusCode);
    }
}
