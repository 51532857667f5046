using System.Net;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.Extensions.Time.Testing;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>A response streamed to the Runtime API (chunked, maybe with error trailers), read as it arrives.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class StreamedResponseTests : IAsyncLifetime
{
    private readonly RequestRecorder _recorder = new();
    // The clock the server times a stream's reads on: the test moves it between writes.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private RuntimeApiServer _api = null!;
    private FakeRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30), Middleware = _recorder.Middleware, MaxStreamedResponseBytes = 1000, TimeProvider = _clock });
        _runtime = new FakeRuntime(_api.Address);
    }

    public async Task DisposeAsync()
    {
        _runtime.Dispose();
        await _api.DisposeAsync();
    }

    private int Port => int.Parse(_api.Address.Split(':')[1]);

    [Fact]
    public void The_default_streamed_response_limit_is_Lambdas_200_MiB()
    {
        Assert.Equal(209715200, new RuntimeApiOptions().MaxStreamedResponseBytes);
    }

    [Fact]
    public async Task A_streamed_response_completes_with_the_whole_body_and_its_reads_spread_over_time()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        using var response = await _runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            for (int i = 0; i < 3; i++)
            {
                // Each write waits until the server has read the one before, so reads cannot merge however loaded the machine is.
                await Until.TrueAsync(() => invocation.StreamedChunks.Count == i);
                if (i > 0)
                    _clock.Advance(TimeSpan.FromMilliseconds(150));
                await body.WriteAsync(Encoding.UTF8.GetBytes($"chunk {i}\n"));
                await body.FlushAsync();
            }
        }, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.False(outcome.IsError);
        Assert.Equal("chunk 0\nchunk 1\nchunk 2\n", outcome.BodyText);
        Assert.True(invocation.IsStreamed);
        Assert.Equal("application/x-ndjson", invocation.Stream!.ContentType);
        Assert.Equal(outcome.Body, invocation.StreamedBody);

        var chunks = invocation.StreamedChunks;
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal(8, chunk.Bytes));
        Assert.Equal(TimeSpan.Zero, chunks[0].SinceFirstByte);
        Assert.Equal(TimeSpan.FromMilliseconds(150), chunks[1].SinceFirstByte);
        Assert.Equal(TimeSpan.FromMilliseconds(300), chunks[2].SinceFirstByte);
    }

    [Fact]
    public async Task The_first_bytes_can_be_read_before_the_runtime_sends_the_rest()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posting = _runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync("first "u8.ToArray());
            await body.FlushAsync();
            await firstSeen.Task.WaitAsync(FakeRuntime.Patience);
            await body.WriteAsync("second"u8.ToArray());
        });

        var stream = await invocation.StreamingStarted.WaitAsync(FakeRuntime.Patience);
        await using var pieces = stream.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await pieces.MoveNextAsync());
        Assert.Equal("first ", Encoding.UTF8.GetString(pieces.Current.Span));
        Assert.False(posting.IsCompleted);
        Assert.False(invocation.Outcome.IsCompleted);

        firstSeen.SetResult();
        Assert.True(await pieces.MoveNextAsync());
        Assert.Equal("second", Encoding.UTF8.GetString(pieces.Current.Span));
        Assert.False(await pieces.MoveNextAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await posting).StatusCode);
    }

    [Fact]
    public async Task A_mid_stream_error_in_trailers_becomes_the_outcome_and_what_was_streamed_is_kept()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("partial ");
        await connection.SendChunkAsync("answer");
        await connection.EndChunksAsync(FakeRuntime.ErrorTrailers("InvalidOperationException", "boom"));

        var response = await connection.ReadResponseAsync();
        Assert.Equal(202, response.Status);
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.True(outcome.IsError);
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        Assert.Equal(FakeRuntime.ErrorJson("InvalidOperationException", "boom"), outcome.BodyText);
        Assert.Equal("partial answer", Encoding.UTF8.GetString(invocation.StreamedBody));

        var recorded = Assert.Single(_recorder.Requests, r => r.Path.EndsWith("/response"));
        Assert.Equal("partial answer", Encoding.UTF8.GetString(recorded.Body));
        Assert.Equal("InvalidOperationException", recorded.Trailer("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal(202, recorded.StatusCode);
    }

    [Fact]
    public async Task A_stream_that_ends_with_no_error_trailer_is_a_success_even_with_a_Trailer_header()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("all of it");
        await connection.EndChunksAsync();

        Assert.Equal(202, (await connection.ReadResponseAsync()).Status);
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.False(outcome.IsError);
        Assert.Equal("all of it", outcome.BodyText);
    }

    [Fact]
    public async Task An_error_body_trailer_that_is_not_base64_is_reported_as_such_under_the_trailers_type()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("x");
        await connection.EndChunksAsync(("Lambda-Runtime-Function-Error-Type", "Oops"), ("Lambda-Runtime-Function-Error-Body", "%%% not base64"));

        Assert.Equal(202, (await connection.ReadResponseAsync()).Status);
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("Oops", outcome.ErrorType);
        using var json = JsonDocument.Parse(outcome.Body);
        Assert.Equal("Oops", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("not valid base64", json.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_stream_past_the_limit_is_cut_with_413_and_the_invocation_fails_as_too_large()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        using var response = await _runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync(new byte[600]);
            await body.FlushAsync();
            await body.WriteAsync(new byte[600]);
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("{\"errorMessage\":\"Exceeded maximum allowed payload size (1000 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}",
            await response.Content.ReadAsStringAsync());
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorType);
        Assert.Contains("1000 bytes", outcome.BodyText);
        Assert.Equal(1000, invocation.StreamedBody.Length);

        // Settled: the runtime's own error report for it comes too late.
        using var report = await _runtime.ReportErrorAsync(next.RequestId, "Function.ResponseSizeTooLarge", "too large", next.InvocationId);
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
    }

    [Fact]
    public async Task A_stream_of_exactly_the_limit_is_accepted()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        using var response = await _runtime.StreamAsync(next.RequestId, next.InvocationId, body => body.WriteAsync(new byte[1000]).AsTask());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1000, (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).Body.Length);
    }

    [Fact]
    public async Task A_streamed_reply_with_another_invocation_id_is_410_before_any_of_its_body_is_sent()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, Guid.NewGuid().ToString());

        var response = await connection.ReadResponseAsync();
        Assert.Equal(410, response.Status);
        Assert.Contains("InvocationGone", response.BodyText);
        Assert.False(invocation.IsStreamed);
        Assert.False(invocation.IsAnswered);
    }

    [Fact]
    public async Task A_stream_still_open_when_the_invocation_times_out_is_stopped_with_410()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("started");
        await invocation.StreamingStarted.WaitAsync(FakeRuntime.Patience);

        invocation.TryTimeOut(InvocationOutcome.Error("Sandbox.Timedout", "timed out"));
        var response = await connection.ReadResponseAsync();
        Assert.Equal(410, response.Status);
        Assert.Contains("timed out", response.BodyText);
        Assert.Equal("started", Encoding.UTF8.GetString(invocation.StreamedBody));
        Assert.True(invocation.Stream!.IsCompleted);
        Assert.Equal("Sandbox.Timedout", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).ErrorType);
    }

    [Fact]
    public async Task With_the_deadline_enforced_a_stream_still_open_at_the_deadline_gets_410()
    {
        var clock = new TestClock();
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(3), EnforceDeadline = true, TimeProvider = clock });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        await using var connection = await runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("slow");
        await invocation.StreamingStarted.WaitAsync(FakeRuntime.Patience);
        // The stream's deadline timer is armed: move the clock past the deadline while the stream is still open.
        await clock.UntilTimersArmedAsync(1);
        Assert.True(clock.GetUtcNow() < invocation.Deadline, "the stream did not even start before the deadline");
        clock.Advance(TimeSpan.FromSeconds(4));

        var response = await connection.ReadResponseAsync();
        Assert.Equal(410, response.Status);
        Assert.Contains("deadline passed while the response was streaming", response.BodyText);
        Assert.True(clock.GetUtcNow() >= invocation.Deadline);
        Assert.False(invocation.IsAnswered);
    }

    [Fact]
    public async Task After_a_cut_stream_only_an_error_report_may_settle_the_invocation()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using (var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId))
        {
            await connection.SendChunkAsync("half");
            await invocation.StreamingStarted.WaitAsync(FakeRuntime.Patience);
        }
        await Until.TrueAsync(() => invocation.Stream!.IsCompleted);
        Assert.False(invocation.IsAnswered);

        using var response = await _runtime.RespondAsync(next.RequestId, "again", next.InvocationId);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("already has a streamed response", await response.Content.ReadAsStringAsync());
        using var error = await _runtime.ReportErrorAsync(next.RequestId, "Oops", "cut", next.InvocationId);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Equal("Oops", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).ErrorType);
    }

    [Fact]
    public async Task A_stream_with_broken_chunk_framing_gets_400_and_leaves_the_invocation_open()
    {
        var invocation = _api.Enqueue([1]);
        var next = await _runtime.NextAsync();
        await using var connection = await _runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await connection.SendChunkAsync("ok");
        await connection.SendAsync("zz\r\n");

        var response = await connection.ReadResponseAsync();
        Assert.Equal(400, response.Status);
        Assert.Contains("InvalidStreamedResponse", response.BodyText);
        Assert.False(invocation.IsAnswered);
    }
}
