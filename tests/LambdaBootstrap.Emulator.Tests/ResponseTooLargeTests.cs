using System.Net;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>A response over 6 MB ends the invocation at the 413, as on Lambda, whatever the runtime does next.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ResponseTooLargeTests
{
    [Fact]
    public async Task The_invoker_gets_ResponseSizeTooLarge_at_once_from_a_runtime_that_posts_no_error()
    {
        // The timeout is far beyond the test's patience: an invocation left waiting for the runtime would fail it.
        await using var fake = await FakeFunction.StartAsync(timeout: TimeSpan.FromMinutes(10));
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();

        using var refused = await fake.Runtime.Http.PostAsync($"{FakeRuntime.Prefix}{next.RequestId}/response", new ByteArrayContent(new byte[7_000_000]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("{\"errorMessage\":\"Response payload size (7000000 bytes) exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}",
            await response.Content.ReadAsStringAsync());
        Assert.Single(fake.Reports);

        // The runtime's error report comes too late: 403, and the invoker's answer stands.
        using var late = await fake.Runtime.ReportErrorAsync(next.RequestId, "Function.ResponseSizeTooLarge", "too big", next.InvocationId);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal("InvalidStateTransition", JsonDocument.Parse(await late.Content.ReadAsStringAsync()).RootElement.GetProperty("errorType").GetString());

        // The process was not stopped: the next invoke goes to the same runtime.
        var process = fake.Function.Process;
        var second = fake.InvokeAsync("{}");
        var again = await fake.Runtime.NextAsync();
        (await fake.Runtime.RespondAsync(again.RequestId, "\"ok\"", again.InvocationId)).Dispose();
        using var ok = await second.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("\"ok\"", await ok.Content.ReadAsStringAsync());
        Assert.Same(process, fake.Function.Process);
    }
}
