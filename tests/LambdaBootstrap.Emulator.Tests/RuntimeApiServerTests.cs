using System.Net;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The Runtime API server spoken to directly over HTTP, as a runtime would.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RuntimeApiServerTests : IAsyncLifetime
{
    private const string Next = "/2018-06-01/runtime/invocation/next";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private RuntimeApiServer _api = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { FunctionName = "fn", Timeout = TimeSpan.FromSeconds(30) });
        _http = new HttpClient { BaseAddress = new Uri($"http://{_api.Address}"), Timeout = Patience };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private static string Response(string id) => $"/2018-06-01/runtime/invocation/{id}/response";
    private static string Error(string id) => $"/2018-06-01/runtime/invocation/{id}/error";

    [Fact]
    public async Task Next_blocks_until_there_is_an_invocation_then_carries_Lambda_headers()
    {
        var next = _http.GetAsync(Next);
        await _api.UntilNextsWaitAsync(1).WaitAsync(Patience);
        Assert.False(next.IsCompleted);

        var before = DateTimeOffset.UtcNow;
        var invocation = _api.Enqueue("{\"a\":1}"u8.ToArray(), new InvokeOptions { ClientContext = "{\"custom\":{\"k\":\"v\"}}", TenantId = "t1" });
        using var response = await next;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(invocation.RequestId, Header(response, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", invocation.RequestId);
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:fn", Header(response, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", Header(response, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("{\"custom\":{\"k\":\"v\"}}", Header(response, "Lambda-Runtime-Client-Context"));
        Assert.Equal("t1", Header(response, "Lambda-Runtime-Aws-Tenant-Id"));
        long deadline = long.Parse(Header(response, "Lambda-Runtime-Deadline-Ms")!);
        Assert.InRange(deadline, (before + TimeSpan.FromSeconds(29)).ToUnixTimeMilliseconds(), (DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30)).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Each_invocation_gets_a_fresh_trace_id()
    {
        _api.Enqueue([1]);
        _api.Enqueue([2]);
        using var first = await _http.GetAsync(Next);
        using var second = await _http.GetAsync(Next);
        Assert.NotEqual(Header(first, "Lambda-Runtime-Trace-Id"), Header(second, "Lambda-Runtime-Trace-Id"));
    }

    [Fact]
    public async Task A_response_is_accepted_once_and_a_second_reply_is_refused_without_overwriting()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        (await _http.GetAsync(Next)).Dispose();

        using var accepted = await _http.PostAsync(Response(invocation.RequestId), new StringContent("first"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var again = await _http.PostAsync(Response(invocation.RequestId), new StringContent("second"));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal("InvalidStateTransition", ErrorType(await again.Content.ReadAsStringAsync()));
        using var error = await _http.PostAsync(Error(invocation.RequestId), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);

        var outcome = await invocation.Outcome.WaitAsync(Patience);
        Assert.Equal("first", outcome.BodyText);
        Assert.False(outcome.IsError);
        Assert.Equal(2, _api.RefusedReplies);
    }

    [Fact]
    public async Task An_unknown_request_id_gets_400()
    {
        using var response = await _http.PostAsync(Response("no-such-id"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestID", ErrorType(await response.Content.ReadAsStringAsync()));
        using var error = await _http.PostAsync(Error("no-such-id"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_limit_gets_413_and_ends_the_invocation_at_once()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        (await _http.GetAsync(Next)).Dispose();

        using var exact = new ByteArrayContent(new byte[RuntimeApiServer.MaxResponseBytes + 1]);
        using var tooLarge = await _http.PostAsync(Response(invocation.RequestId), exact);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}",
            await tooLarge.Content.ReadAsStringAsync());
        // Settled already, whatever the runtime does next: the invoker is not kept waiting.
        var outcome = await invocation.Outcome.WaitAsync(Patience);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorType);
        Assert.Equal("{\"errorMessage\":\"Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}",
            outcome.BodyText);

        using var report = new StringContent("{\"errorType\":\"Function.ResponseSizeTooLarge\"}");
        report.Headers.Add("Lambda-Runtime-Function-Error-Type", "Function.ResponseSizeTooLarge");
        using var late = await _http.PostAsync(Error(invocation.RequestId), report);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal("Function.ResponseSizeTooLarge", (await invocation.Outcome).ErrorType);
    }

    [Fact]
    public async Task A_response_of_exactly_the_limit_is_accepted()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        (await _http.GetAsync(Next)).Dispose();
        using var response = await _http.PostAsync(Response(invocation.RequestId), new ByteArrayContent(new byte[RuntimeApiServer.MaxResponseBytes]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(RuntimeApiServer.MaxResponseBytes, (await invocation.Outcome.WaitAsync(Patience)).Body.Length);
    }

    [Fact]
    public async Task An_error_reply_records_its_type_and_body()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        (await _http.GetAsync(Next)).Dispose();
        using var body = new StringContent("{\"errorMessage\":\"boom\",\"errorType\":\"Oops\"}");
        body.Headers.Add("Lambda-Runtime-Function-Error-Type", "Oops");
        using var response = await _http.PostAsync(Error(invocation.RequestId), body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await invocation.Outcome.WaitAsync(Patience);
        Assert.True(outcome.IsError);
        Assert.Equal("Oops", outcome.ErrorType);
        Assert.Contains("boom", outcome.BodyText);
    }

    [Fact]
    public async Task Init_error_is_accepted_and_ends_the_cold_start_as_failed()
    {
        using var body = new StringContent("{\"errorMessage\":\"no\",\"errorType\":\"Runtime.HandlerNotFound\"}");
        body.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.HandlerNotFound");
        using var response = await _http.PostAsync("/2018-06-01/runtime/init/error", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Runtime.HandlerNotFound", (await _api.InitError.WaitAsync(Patience)).ErrorType);
    }

    [Fact]
    public async Task Init_error_after_the_first_next_is_refused_with_403()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        (await _http.GetAsync(Next)).Dispose();
        using var late = await _http.PostAsync("/2018-06-01/runtime/init/error", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.False(_api.InitError.IsCompleted);
        _api.BeginColdStart(); // a new process may report its init error again
        using var fresh = await _http.PostAsync("/2018-06-01/runtime/init/error", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.False(invocation.IsAnswered);
    }

    [Fact]
    public async Task Once_a_process_is_gone_a_next_read_late_from_its_connection_takes_no_event()
    {
        // The gone process's connection, in use before it went; its last /next is read only afterwards.
        await using var old = await RawHttpConnection.OpenAsync(_api.Port);
        await old.SendHeadAsync("GET", "/2018-06-01/runtime/invocation/nope");
        Assert.Equal(404, (await old.ReadResponseAsync()).Status);
        await _api.UntilEarlierNextsEndAsync(System.Diagnostics.Stopwatch.GetTimestamp(), Patience);

        var invocation = _api.Enqueue("{}"u8.ToArray());
        await old.SendHeadAsync("GET", Next);
        var refused = await old.ReadResponseAsync();
        Assert.Equal(403, refused.Status);
        Assert.Contains("replaced", refused.BodyText);
        Assert.False(invocation.Started.IsCompleted);

        // The next process's own connection gets it.
        using var next = await _http.GetAsync(Next);
        Assert.Equal(invocation.RequestId, Header(next, "Lambda-Runtime-Aws-Request-Id"));
    }

    [Fact]
    public async Task Replies_to_a_settled_invocation_are_still_refused_after_it_is_let_go()
    {
        var invocation = _api.Enqueue("{}"u8.ToArray());
        using (var next = await _http.GetAsync(Next))
        {
            var first = new StringContent("first");
            first.Headers.Add("Lambda-Runtime-Invocation-Id", invocation.InvocationId);
            (await _http.PostAsync(Response(invocation.RequestId), first)).Dispose();
        }
        await invocation.Outcome.WaitAsync(Patience);
        // Let go: the server keeps only what a late reply needs.
        Assert.Equal(0, _api.Ledger.HandedOut);
        Assert.Equal(1, _api.Ledger.Settled);

        using var again = await _http.PostAsync(Response(invocation.RequestId), new StringContent("again"));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var wrongId = new StringContent("x");
        wrongId.Headers.Add("Lambda-Runtime-Invocation-Id", "not-its-id");
        using var gone = await _http.PostAsync(Error(invocation.RequestId), wrongId);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("first", (await invocation.Outcome).BodyText);
    }

    [Fact]
    public async Task Events_over_the_threshold_are_sent_chunked_like_AWS_emulator()
    {
        _api.Enqueue(new byte[100]);
        _api.Enqueue(Encoding.ASCII.GetBytes(new string('x', 5000)));
        using var small = await _http.GetAsync(Next);
        using var large = await _http.GetAsync(Next);
        Assert.Equal(100, small.Content.Headers.ContentLength);
        Assert.True(large.Headers.TransferEncodingChunked);
        Assert.Equal(5000, (await large.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task An_unknown_endpoint_gets_404()
    {
        using var response = await _http.GetAsync("/2018-06-01/runtime/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static string? ErrorType(string json) => JsonDocument.Parse(json).RootElement.GetProperty("errorType").GetString();
}
