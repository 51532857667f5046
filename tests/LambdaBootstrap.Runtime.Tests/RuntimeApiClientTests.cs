using System.Text;
using System.Text.Json;
using Bootstrap.TestSupport.RuntimeApi;
using LambdaBootstrap.Runtime;

namespace RuntimeTests;

/// <summary>
/// The Runtime API client in this process against the scripted Runtime API on a loopback socket: the requests each
/// call puts on the wire, and what each status code of the answer means.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RuntimeApiClientTests : IAsyncDisposable
{
    private readonly ClientUnderTest _runtime = new();

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private RuntimeApiClient Client => _runtime.Client;

    /// <summary>The next invocation, as the client reads it, and the context the loop would make of it.</summary>
    private async Task<LambdaContext> NextAsync()
    {
        var headers = await ClientUnderTest.OnItsOwnThread(() => Client.Next(out _));
        return new LambdaContext(headers, TestData.Function, _runtime.Log);
    }

    [Fact]
    public async Task Next_gets_the_event_and_its_headers()
    {
        string id = _runtime.Api.Enqueue("{\"a\":1}", ("Lambda-Runtime-Invocation-Id", "invocation-1"), ("Lambda-Runtime-Client-Context", "{}"));

        var (headers, body) = await ClientUnderTest.OnItsOwnThread(() =>
        {
            var headers = Client.Next(out var @event);
            return (headers, Encoding.UTF8.GetString(@event.Span));
        });

        Assert.Equal("{\"a\":1}", body);
        Assert.Equal(id, headers.RequestId);
        Assert.Equal("invocation-1", headers.InvocationId);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:test-function", headers.InvokedFunctionArn);
        Assert.StartsWith("Root=1-", headers.TraceId);
        var next = Assert.Single(_runtime.Api.Received);
        Assert.Equal(("GET", "/2018-06-01/runtime/invocation/next"), (next.Request.Method, next.Request.Path));
        Assert.Equal("test-agent/1.0", next.Request.Header("User-Agent"));
        Assert.Equal($"127.0.0.1:{_runtime.Api.Port}", next.Request.Header("Host"));
    }

    [Fact]
    public async Task Next_answered_with_anything_but_200_is_fatal()
    {
        _runtime.Api.Script(RuntimeApiCall.Next, 1, Answer.Refusal(403, "Forbidden", "InvalidStateTransition", "not now"));
        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => NextAsync());
        Assert.Equal("GET /next answered 403: {\"errorMessage\":\"not now\",\"errorType\":\"InvalidStateTransition\"}", failure.Message);
    }

    [Fact]
    public async Task Respond_posts_the_body_to_the_request_s_response_path()
    {
        string id = _runtime.Api.Enqueue("{}");
        using var context = await NextAsync();

        await ClientUnderTest.OnItsOwnThread(() => Client.Respond(context, "{\"ok\":true}"u8));

        var reply = Assert.Single(_runtime.Api.RepliesFor(id));
        Assert.Equal(("POST", $"/2018-06-01/runtime/invocation/{id}/response"), (reply.Method, reply.Path));
        Assert.Equal("{\"ok\":true}", reply.BodyText);
        Assert.Equal("11", reply.Header("Content-Length"));
        Assert.Null(reply.Header("Lambda-Runtime-Invocation-Id"));
    }

    [Fact]
    public async Task ReportError_sends_the_report_as_json_with_its_type_in_a_header()
    {
        string id = _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Invocation-Id", "invocation-1"));
        using var context = await NextAsync();
        var report = ErrorReport.Runtime("Runtime.SerializationError", "not an order");

        await ClientUnderTest.OnItsOwnThread(() => Client.ReportError(context, report));

        var sent = Assert.Single(_runtime.Api.RepliesFor(id));
        Assert.Equal($"/2018-06-01/runtime/invocation/{id}/error", sent.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", sent.Header("Content-Type"));
        Assert.Equal("Runtime.SerializationError", sent.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("invocation-1", sent.Header("Lambda-Runtime-Invocation-Id"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("Runtime.SerializationError", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("not an order", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task ReportInitError_posts_to_init_error()
    {
        await ClientUnderTest.OnItsOwnThread(() => Client.ReportInitError(ErrorReport.Runtime("Runtime.HandlerNotFound", "no handler")));

        var sent = Assert.Single(_runtime.Api.Received);
        Assert.Equal(RuntimeApiCall.InitError, sent.Call);
        Assert.Equal("Runtime.HandlerNotFound", sent.Request.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("\"errorMessage\":\"no handler\"", sent.Request.BodyText);
    }

    [Fact]
    public async Task A_413_to_a_response_is_followed_by_a_ResponseSizeTooLarge_report_for_the_same_request()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Answer.PayloadTooLarge());
        string id = _runtime.Api.Enqueue("{}");
        using var context = await NextAsync();

        await ClientUnderTest.OnItsOwnThread(() => Client.Respond(context, new byte[5000]));

        var replies = _runtime.Api.RepliesFor(id);
        Assert.Equal([$"/2018-06-01/runtime/invocation/{id}/response", $"/2018-06-01/runtime/invocation/{id}/error"], replies.Select(r => r.Path));
        Assert.Equal("Function.ResponseSizeTooLarge", replies[1].Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("Response payload size (5000 bytes)", replies[1].BodyText);
    }

    [Fact]
    public async Task A_410_to_a_reply_is_logged_as_a_timed_out_invocation_and_is_not_an_error()
    {
        _runtime.Api.Script(RuntimeApiCall.Error, 1, Answer.Gone());
        string id = _runtime.Api.Enqueue("{}");
        using var context = await NextAsync();

        await ClientUnderTest.OnItsOwnThread(() => Client.ReportError(context, ErrorReport.Runtime("Oops", "late")));

        Assert.Contains($"WARN\tRuntime API answered 410 to the error for {id}: the invocation already timed out", _runtime.LogText);
        // Nothing is sent again: the API has ended the invocation.
        Assert.Single(_runtime.Api.RepliesFor(id));
    }

    [Fact]
    public async Task A_4xx_to_a_reply_is_logged_with_the_answer_and_is_not_fatal()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Answer.Refusal(400, "Bad Request", "InvalidRequestID", "unknown id"));
        string id = _runtime.Api.Enqueue("{}");
        using var context = await NextAsync();

        await ClientUnderTest.OnItsOwnThread(() => Client.Respond(context, "{}"u8));

        Assert.Contains($"ERROR\tRuntime API rejected the response for {id} with 400: {{\"errorMessage\":\"unknown id\"", _runtime.LogText);
    }

    [Fact]
    public async Task A_500_to_a_reply_is_fatal()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Answer.ServerError());
        string id = _runtime.Api.Enqueue("{}");
        using var context = await NextAsync();

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => ClientUnderTest.OnItsOwnThread(() => Client.Respond(context, "{}"u8)));
        Assert.StartsWith($"Runtime API answered 500 to the response for {id}: ", failure.Message);
    }

    [Fact]
    public async Task Next_on_a_connection_the_server_closed_reconnects_and_asks_again()
    {
        _runtime.Api.Script(RuntimeApiCall.Response, 1, Fault.CloseAfterAnswer);
        _runtime.Api.Enqueue("{}");
        using (var context = await NextAsync())
            await ClientUnderTest.OnItsOwnThread(() => Client.Respond(context, "{}"u8));

        string second = _runtime.Api.Enqueue("{}");
        using var next = await NextAsync();

        Assert.Equal(second, next.AwsRequestId);
        var nexts = _runtime.Api.Received.Where(r => r.Call == RuntimeApiCall.Next).ToList();
        Assert.Equal([1, 2], nexts.Select(r => r.Connection));
    }
}
