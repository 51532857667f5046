using System.Net;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Kestrel's own request limits do not cut a stream short: only Lambda's streaming limit applies.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class StreamedResponseLimitsTests
{
    [Fact]
    public async Task A_stream_larger_than_any_buffered_request_is_accepted_whole()
    {
        const int size = 80 * 1024 * 1024; // over the server's 64 MiB cap on ordinary request bodies
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(60) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        var piece = new byte[1024 * 1024];
        using var response = await runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            for (int i = 0; i < size / piece.Length; i++)
                await body.WriteAsync(piece);
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(size, (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).Body.Length);
    }

    [Fact]
    public async Task A_stream_may_pause_longer_than_Kestrels_minimum_data_rate_allows()
    {
        // Kestrel's default: 240 bytes/s after a 5 s grace period, or the request is aborted. Lambda lets a streaming
        // function pause for as long as its timeout allows. Kestrel checks the rate on its own clock, not the
        // emulator's TimeProvider, so this one test waits in real time: the only sleep left in these tests.
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(60) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        using var response = await runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync("thinking"u8.ToArray());
            await body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(6.5));
            await body.WriteAsync("...done"u8.ToArray());
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("thinking...done", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).BodyText);
    }
}
