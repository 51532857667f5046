using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>The Runtime API's later additions: the X-Ray error cause, 410 Gone, the invocation id, response streaming.</summary>
[Trait(Suite.Name, Suite.Conformance)]
[Collection(TimingSensitive.Name)]
public sealed partial class ProtocolAdditionsTests
{
    [Fact]
    public async Task A_handler_error_carries_the_XRay_error_cause_header()
    {
        await using var function = await FunctionUnderTest.StartAsync("fail");
        await function.InvokeAsync("{}");

        var error = Assert.Single(function.Requests, r => r.Path.EndsWith("/error"));
        string cause = error.Header("Lambda-Runtime-Function-XRay-Error-Cause")!;
        Assert.NotNull(cause);
        using var json = JsonDocument.Parse(cause);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("working_directory").GetString()));
        var exception = Assert.Single(json.RootElement.GetProperty("exceptions").EnumerateArray());
        Assert.Equal("InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("boom", exception.GetProperty("message").GetString());
        Assert.Contains(exception.GetProperty("stack").EnumerateArray(), f => f.GetProperty("label").GetString() == "Bootstrap.Host.SampleHandlers.Fail");
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("paths").ValueKind);
    }

    [Fact]
    public async Task A_410_on_a_reply_is_a_warning_and_the_next_invocation_is_served()
    {
        int replies = 0;
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Middleware = Intercept.With(async context =>
            {
                if (!context.Request.Path.Value!.EndsWith("/response") || Interlocked.Increment(ref replies) != 1)
                    return false;
                context.Response.StatusCode = 410;
                await context.Response.WriteAsync("{\"errorType\":\"InvocationGone\"}");
                return true;
            }),
        });
        var late = function.Api.Enqueue("late"u8.ToArray());
        var next = await function.InvokeAsync("next");

        Assert.Equal("next", next.BodyText);
        Assert.False(late.Outcome.IsCompleted);
        await function.WaitForStdoutAsync(line => line.Contains("\tWARN\t") && line.Contains("410") && line.Contains(late.RequestId));
        Assert.False(function.Process.HasExited);
    }

    [Fact]
    public async Task The_invocation_id_is_echoed_on_its_own_reply_and_never_reaches_the_next()
    {
        int nexts = 0;
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Middleware = Intercept.With(context =>
            {
                // Every second /next goes out without an invocation id, as from an older Runtime API.
                if (context.Request.Path.Value!.EndsWith("/next") && Interlocked.Increment(ref nexts) % 2 == 0)
                    context.Response.OnStarting(() => { context.Response.Headers.Remove("Lambda-Runtime-Invocation-Id"); return Task.CompletedTask; });
                return Task.FromResult(false);
            }),
        });
        var invocations = new List<LambdaBootstrap.Emulator.RuntimeApi.Invocation>();
        for (int i = 0; i < 4; i++)
        {
            var invocation = function.Api.Enqueue(System.Text.Encoding.UTF8.GetBytes($"event {i}"));
            await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);
            invocations.Add(invocation);
        }

        var replies = function.Requests.Where(r => r.Path.EndsWith("/response")).ToList();
        Assert.Equal(4, replies.Count);
        Assert.Equal(invocations[0].InvocationId, replies[0].Header("Lambda-Runtime-Invocation-Id"));
        Assert.Null(replies[1].Header("Lambda-Runtime-Invocation-Id"));
        Assert.Equal(invocations[2].InvocationId, replies[2].Header("Lambda-Runtime-Invocation-Id"));
        Assert.Null(replies[3].Header("Lambda-Runtime-Invocation-Id"));
        Assert.NotEqual(invocations[0].InvocationId, invocations[2].InvocationId);
    }

    [Fact]
    public async Task A_reply_after_the_deadline_gets_410_and_the_next_invocation_works()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var function = await FunctionUnderTest.StartAsync("delay",
            new() { Timeout = TimeSpan.FromMilliseconds(300), EnforceDeadline = true, TimeProvider = clock }, binary: BootstrapBinaries.TestFunction);
        // The handler takes 600 ms of real time; its deadline passes on the test's clock before it replies.
        var late = function.Api.Enqueue("600"u8.ToArray());
        await late.Started.WaitAsync(FunctionUnderTest.Patience);
        clock.Advance(TimeSpan.FromMilliseconds(301));
        var next = await function.InvokeAsync("5");

        Assert.Equal("5", next.BodyText);
        Assert.False(late.Outcome.IsCompleted);
        await function.WaitForStdoutAsync(line => line.Contains("WARN") && line.Contains("410") && line.Contains(late.RequestId));
        Assert.False(function.Process.HasExited);
    }

    [Fact]
    public async Task A_streamed_response_arrives_in_chunks_spread_over_time()
    {
        await using var function = await FunctionUnderTest.StartAsync("stream");
        // A first, short stream compiles the server's streaming path, so a slow first read cannot merge the chunks.
        await function.InvokeAsync("{\"chunks\":2,\"delayMs\":0}");
        var invocation = function.Api.Enqueue("{\"chunks\":4,\"delayMs\":300}"u8.ToArray());
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.False(outcome.IsError, outcome.BodyText);
        Assert.Equal("chunk 0\nchunk 1\nchunk 2\nchunk 3\n", outcome.BodyText);
        Assert.True(invocation.IsStreamed);
        // The function writes its chunks 900 ms apart from first to last. A busy machine may read two of them at once,
        // so the test asks only that the body came in more than one read, the first well before the last: a buffered
        // reply arrives whole, in one read at the end.
        Assert.True(invocation.StreamedChunks.Count >= 2, $"{invocation.StreamedChunks.Count} reads");
        var spread = invocation.StreamedChunks[^1].SinceFirstByte - invocation.StreamedChunks[0].SinceFirstByte;
        Assert.True(spread >= TimeSpan.FromMilliseconds(450), $"first and last chunk only {spread.TotalMilliseconds:0} ms apart");

        var reply = function.Requests.Last(r => r.Path.EndsWith("/response"));
        Assert.Equal("streaming", reply.Header("Lambda-Runtime-Function-Response-Mode"));
        Assert.Equal("text/plain", reply.Header("Content-Type"));
        Assert.Contains("Lambda-Runtime-Function-Error-Type", reply.Header("Trailer"));
        Assert.Contains("Lambda-Runtime-Function-Error-Body", reply.Header("Trailer"));
    }

    [Fact]
    public async Task A_failure_mid_stream_goes_into_the_trailers_and_the_next_invocation_works()
    {
        await using var function = await FunctionUnderTest.StartAsync("stream");
        var failed = function.Api.Enqueue("{\"chunks\":4,\"delayMs\":10,\"failAfter\":2}"u8.ToArray());
        var outcome = await failed.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.True(outcome.IsError);
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        using (var error = JsonDocument.Parse(outcome.Body))
            Assert.Equal("failed after 2 chunks", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("chunk 0\nchunk 1\n", System.Text.Encoding.UTF8.GetString(failed.StreamedBody));

        var next = await function.InvokeAsync("{\"chunks\":1,\"delayMs\":0}");
        Assert.Equal("chunk 0\n", next.BodyText);
    }

    [Fact]
    public async Task A_failure_before_the_first_byte_is_an_ordinary_error_report()
    {
        await using var function = await FunctionUnderTest.StartAsync("stream");
        var outcome = await function.InvokeAsync("{\"chunks\":3,\"delayMs\":0,\"failAfter\":0}");
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        Assert.Single(function.Requests, r => r.Path.EndsWith("/error"));
        Assert.DoesNotContain(function.Requests, r => r.Path.EndsWith("/response"));
    }
}
