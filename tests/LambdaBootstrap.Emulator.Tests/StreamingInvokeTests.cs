using System.Net;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The Invoke API in front of a function that streams its response, with the test playing the runtime.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class StreamingInvokeTests
{
    private const string ErrorType = "Lambda-Runtime-Function-Error-Type";
    private const string ErrorBody = "Lambda-Runtime-Function-Error-Body";

    [Fact]
    public async Task The_streaming_endpoint_relays_the_first_chunk_before_the_runtime_has_sent_the_last()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        var firstChunkRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posting = fake.Runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync("chunk 0\n"u8.ToArray());
            await body.FlushAsync();
            // Only once the caller has read the first chunk does the last one go out.
            await firstChunkRead.Task.WaitAsync(FakeRuntime.Patience);
            await body.WriteAsync("chunk 1\n"u8.ToArray());
        }, "text/event-stream");

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal([ErrorType, ErrorBody], response.Headers.Trailer);
        Assert.Equal(next.RequestId, response.Headers.GetValues("X-Amzn-RequestId").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));

        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal("chunk 0\n", await ReadAtLeastAsync(body, 8));
        Assert.False(posting.IsCompleted, "the runtime finished before the caller had the first chunk");
        firstChunkRead.SetResult();
        Assert.Equal("chunk 1\n", await new StreamReader(body).ReadToEndAsync().WaitAsync(FakeRuntime.Patience));
        Assert.Empty(response.TrailingHeaders);
        Assert.Equal(HttpStatusCode.Accepted, (await posting).StatusCode);
        Assert.Single(fake.Reports);
    }

    [Fact]
    public async Task A_mid_stream_error_reaches_the_caller_as_trailers_and_is_logged()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.SendChunkAsync("partial\n");

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal("partial\n", await ReadAtLeastAsync(body, 8));
        await runtime.EndChunksAsync(FakeRuntime.ErrorTrailers("InvalidOperationException", "boom"));
        Assert.Equal("", await new StreamReader(body).ReadToEndAsync().WaitAsync(FakeRuntime.Patience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("InvalidOperationException", response.TrailingHeaders.GetValues(ErrorType).Single());
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(response.TrailingHeaders.GetValues(ErrorBody).Single()));
        Assert.Equal(FakeRuntime.ErrorJson("InvalidOperationException", "boom"), json);
        Assert.Equal(202, (await runtime.ReadResponseAsync()).Status);
        Assert.Contains($"emulator: RequestId: {next.RequestId} response stream failed after 8 bytes: InvalidOperationException: boom", fake.Lines);
        Assert.Single(fake.Reports);
    }

    [Fact]
    public async Task The_streamed_response_goes_out_framed_by_hand_and_the_connection_stays_usable()
    {
        await using var fake = await FakeFunction.StartAsync();
        await using var caller = await RawHttpConnection.OpenAsync(fake.Server.Port);
        await caller.SendHeadAsync("POST", FakeFunction.StreamingInvokePath, ("Content-Length", "2"));
        await caller.SendAsync("{}");
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.SendChunkAsync("abc");
        await runtime.EndChunksAsync(FakeRuntime.ErrorTrailers("Oops", "late failure"));

        var response = await caller.ReadResponseAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal("chunked", response.Headers["Transfer-Encoding"]);
        Assert.Equal("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body", response.Headers["Trailer"]);
        Assert.False(response.Headers.ContainsKey("Content-Length"));
        Assert.Equal([3], response.ChunkSizes);
        Assert.Equal("abc", response.BodyText);
        Assert.Equal("Oops", response.Trailers[ErrorType]);

        // Kestrel added no framing of its own: the next request on the same connection is answered normally.
        await caller.SendHeadAsync("POST", FakeFunction.InvokePath, ("X-Amz-Invocation-Type", "DryRun"), ("Content-Length", "0"));
        Assert.Equal(204, (await caller.ReadResponseAsync()).Status);
    }

    [Fact]
    public async Task The_ordinary_endpoint_returns_a_streamed_response_whole()
    {
        await using var fake = await FakeFunction.StartAsync();
        var started = new TaskCompletionSource<Invocation>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Function.Api.InvocationStarted += invocation => started.TrySetResult(invocation);
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        var invocation = await started.Task.WaitAsync(FakeRuntime.Patience);
        using var posted = await fake.Runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            for (int i = 0; i < 3; i++)
            {
                await body.WriteAsync(Encoding.UTF8.GetBytes($"chunk {i}\n"));
                await body.FlushAsync();
                // Each chunk in the emulator's hands, and still no answer: the endpoint waits for the whole body.
                int read = i + 1;
                await Until.TrueAsync(() => invocation.StreamedChunks.Count == read);
                Assert.False(call.IsCompleted, $"answered after {read} chunks");
            }
        });

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(24, response.Content.Headers.ContentLength);
        Assert.Equal("chunk 0\nchunk 1\nchunk 2\n", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Single(fake.Reports);
    }

    [Fact]
    public async Task The_ordinary_endpoint_answers_a_mid_stream_error_with_the_function_error_header_and_its_json()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.SendChunkAsync("partial\n");
        await runtime.EndChunksAsync(FakeRuntime.ErrorTrailers("InvalidOperationException", "boom"));

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal(FakeRuntime.ErrorJson("InvalidOperationException", "boom"), await response.Content.ReadAsStringAsync());
        Assert.Contains(fake.Lines, l => l.Contains("response stream failed after 8 bytes"));
    }

    [Fact]
    public async Task The_streaming_endpoint_sends_a_buffered_response_as_one_chunk()
    {
        await using var fake = await FakeFunction.StartAsync();
        await using var caller = await RawHttpConnection.OpenAsync(fake.Server.Port);
        await caller.SendHeadAsync("POST", FakeFunction.StreamingInvokePath, ("Content-Length", "2"));
        await caller.SendAsync("{}");
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.RespondAsync(next.RequestId, "{\"whole\":true}", next.InvocationId)).Dispose();

        var response = await caller.ReadResponseAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
        Assert.Equal([14], response.ChunkSizes);
        Assert.Equal("{\"whole\":true}", response.BodyText);
        Assert.Empty(response.Trailers);
    }

    [Fact]
    public async Task The_streaming_endpoint_answers_an_error_before_any_byte_like_the_ordinary_endpoint()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.ReportErrorAsync(next.RequestId, "InvalidOperationException", "early", next.InvocationId)).Dispose();

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FakeRuntime.ErrorJson("InvalidOperationException", "early"), await response.Content.ReadAsStringAsync());
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task A_stream_that_fails_before_its_first_byte_is_answered_whole_too()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.EndChunksAsync(FakeRuntime.ErrorTrailers("InvalidOperationException", "nothing written"));

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal(FakeRuntime.ErrorJson("InvalidOperationException", "nothing written"), await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(fake.Lines, l => l.Contains("response stream failed"));
    }

    [Fact]
    public async Task A_stream_cut_by_the_timeout_ends_with_the_timeout_in_trailers_and_the_runtime_gets_410()
    {
        var clock = new TestClock();
        await using var fake = await FakeFunction.StartAsync(timeout: TimeSpan.FromSeconds(2), time: clock);
        var started = new TaskCompletionSource<Invocation>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Function.Api.InvocationStarted += invocation => started.TrySetResult(invocation);
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.SendChunkAsync("slow\n");
        var invocation = await started.Task.WaitAsync(FakeRuntime.Patience);
        await invocation.StreamingStarted.WaitAsync(FakeRuntime.Patience);
        using var response = await call.WaitAsync(FakeRuntime.Patience);
        // The stream is under way and still open; the function timeout's timer is armed (after the init timeout's):
        // now the clock passes it.
        await clock.UntilTimersArmedAsync(2);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("slow\n", await response.Content.ReadAsStringAsync().WaitAsync(FakeRuntime.Patience));
        Assert.Equal("Sandbox.Timedout", response.TrailingHeaders.GetValues(ErrorType).Single());
        Assert.Equal(410, (await runtime.ReadResponseAsync()).Status);
        Assert.True(fake.Function.Process!.HasExited, "the timed-out bootstrap was not stopped");
        Assert.Single(fake.Reports);
    }

    [Fact]
    public async Task A_stream_past_the_limit_ends_with_ResponseSizeTooLarge_in_trailers()
    {
        await using var fake = await FakeFunction.StartAsync(maxStreamedResponseBytes: 10);
        var call = fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath);
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId);
        await runtime.SendChunkAsync("0123456");
        await runtime.SendChunkAsync("789abcdef");

        using var response = await call.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("0123456789", await response.Content.ReadAsStringAsync().WaitAsync(FakeRuntime.Patience));
        Assert.Equal("Function.ResponseSizeTooLarge", response.TrailingHeaders.GetValues(ErrorType).Single());
        Assert.Equal(413, (await runtime.ReadResponseAsync()).Status);
    }

    [Fact]
    public async Task With_debug_on_each_streamed_response_is_summarised()
    {
        await using var fake = await FakeFunction.StartAsync(debug: true);
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        await using var runtime = await fake.Runtime.OpenStreamAsync(next.RequestId, next.InvocationId, "text/csv");
        await runtime.SendChunkAsync("a,b\n");
        await runtime.EndChunksAsync();
        (await call.WaitAsync(FakeRuntime.Patience)).Dispose();

        Assert.Contains(fake.Lines, l => l.StartsWith($"STREAM RequestId: {next.RequestId} 1 reads, 4 bytes of text/csv over "));
    }

    [Fact]
    public async Task The_streaming_endpoint_refuses_event_invokes()
    {
        await using var fake = await FakeFunction.StartAsync();
        using var response = await fake.InvokeAsync("{}", FakeFunction.StreamingInvokePath, r => r.Headers.Add("X-Amz-Invocation-Type", "Event"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidParameterValueException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Contains("RequestResponse or DryRun", json.RootElement.GetProperty("message").GetString());
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes are in, failing rather than hanging.</summary>
    private static async Task<string> ReadAtLeastAsync(Stream body, int count)
    {
        var buffer = new byte[count];
        int read = await body.ReadAtLeastAsync(buffer, count).AsTask().WaitAsync(FakeRuntime.Patience);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
