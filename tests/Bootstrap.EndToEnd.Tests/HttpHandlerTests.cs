using System.Text;
using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>The host's <c>http</c> sample behind every front door, and the HTTP handler's errors, through the real AOT binary.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class HttpHandlerTests
{
    public static TheoryData<string> Formats => new(HttpEvents.Formats);

    private static readonly Dictionary<string, string> HelloAda = new() { ["name"] = "Ada" };

    private static async Task<HttpAnswer> Send(FunctionUnderTest function, string format, byte[] @event)
    {
        var outcome = await function.InvokeAsync(@event);
        Assert.False(outcome.IsError, outcome.BodyText);
        return HttpEvents.Answer(format, outcome.Body);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Hello_greets_by_name_and_takes_a_greeting_from_the_query(string format)
    {
        await using var function = await FunctionUnderTest.StartAsync("http");

        var hello = await Send(function, format, HttpEvents.Request(format, "GET", "/hello/Ada", pathParameters: HelloAda));
        Assert.Equal(200, hello.Status);
        Assert.Equal("application/json", hello.Header("Content-Type"));
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", hello.BodyText);
        Assert.False(hello.IsBase64Encoded);

        var greeting = await Send(function, format, HttpEvents.Request(format, "GET", "/hello/Ada", query: "greeting=Good%20day", pathParameters: HelloAda));
        Assert.Equal("{\"message\":\"Good day, Ada!\"}", greeting.BodyText);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Echo_returns_a_binary_body_byte_for_byte_with_its_content_type(string format)
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0xff, 0x00, 0xfe }).ToArray();
        await using var function = await FunctionUnderTest.StartAsync("http");
        var answer = await Send(function, format, HttpEvents.Request(format, "POST", "/echo",
            headers: [("Content-Type", "application/octet-stream")], body: payload, base64: true));

        Assert.Equal(200, answer.Status);
        Assert.True(answer.IsBase64Encoded);
        Assert.Equal(payload, answer.Body);
        Assert.Equal("application/octet-stream", answer.Header("Content-Type"));
        Assert.Equal("POST", answer.Header("X-Echo-Method"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Echo_returns_a_text_body_as_text(string format)
    {
        const string text = "{\"zoë\": \"naïve\", \"n\": [1, 2]}";
        await using var function = await FunctionUnderTest.StartAsync("http");
        var answer = await Send(function, format, HttpEvents.Request(format, "POST", "/echo",
            headers: [("Content-Type", "application/json; charset=utf-8")], body: Encoding.UTF8.GetBytes(text)));

        Assert.False(answer.IsBase64Encoded);
        Assert.Equal(text, answer.BodyText);
        Assert.Equal("application/json; charset=utf-8", answer.Header("Content-Type"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Cookies_sets_two_cookies_and_reports_the_cookie_header(string format)
    {
        await using var function = await FunctionUnderTest.StartAsync("http");

        var with = await Send(function, format, HttpEvents.Request(format, "GET", "/cookies", cookies: ["x=1", "y=2"]));
        Assert.Equal(200, with.Status);
        Assert.Equal(["a=1", "b=2"], with.Cookies);
        Assert.Equal("{\"received\":\"x=1; y=2\"}", with.BodyText);

        var without = await Send(function, format, HttpEvents.Request(format, "GET", "/cookies"));
        Assert.Equal("{\"received\":null}", without.BodyText);
        Assert.Equal(["a=1", "b=2"], without.Cookies);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Anything_else_is_404(string format)
    {
        await using var function = await FunctionUnderTest.StartAsync("http");
        foreach (var (method, path) in new[] { ("GET", "/nope"), ("POST", "/hello/Ada"), ("GET", "/echo"), ("GET", "/hello/") })
        {
            var answer = await Send(function, format, HttpEvents.Request(format, method, path));
            Assert.Equal(404, answer.Status);
            Assert.Equal("{\"message\":\"Not Found\"}", answer.BodyText);
        }
    }

    [Fact]
    public async Task An_event_in_no_http_format_is_a_serialization_error_and_the_next_request_is_served()
    {
        await using var function = await FunctionUnderTest.StartAsync("http");
        var bad = await function.InvokeAsync("{\"name\":\"Ada\"}");
        Assert.True(bad.IsError);
        Assert.Equal("Runtime.SerializationError", bad.ErrorType);
        using (var error = JsonDocument.Parse(bad.Body))
        {
            string message = error.RootElement.GetProperty("errorMessage").GetString()!;
            foreach (var format in new[] { "API Gateway REST", "HTTP API", "Function URL", "ALB" })
                Assert.Contains(format, message);
        }

        var good = await Send(function, "apigateway-v2", HttpEvents.Request("apigateway-v2", "GET", "/hello/Ada"));
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", good.BodyText);
    }

    [Fact]
    public async Task Invalid_base64_with_isBase64Encoded_is_a_serialization_error()
    {
        await using var function = await FunctionUnderTest.StartAsync("http");
        var @event = Encoding.UTF8.GetString(HttpEvents.Request("apigateway-v1", "POST", "/echo", body: [1, 2, 3], base64: true))
            .Replace("\"AQID\"", "\"!!not base64!!\"");
        var outcome = await function.InvokeAsync(@event);
        Assert.True(outcome.IsError);
        Assert.Equal("Runtime.SerializationError", outcome.ErrorType);
        Assert.Contains("isBase64Encoded but is not valid base64", outcome.BodyText);
    }

    [Fact]
    public async Task Streams_behind_a_function_url_with_the_http_integration_prelude()
    {
        await using var function = await FunctionUnderTest.StartAsync("http-stream", binary: BootstrapBinaries.TestFunction);
        var invocation = function.Api.Enqueue(HttpEvents.Request("function-url", "GET", "/live"));
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.False(outcome.IsError, outcome.BodyText);
        Assert.True(invocation.IsStreamed);
        var reply = function.Requests.Last(r => r.Path.EndsWith("/response"));
        Assert.Equal("streaming", reply.Header("Lambda-Runtime-Function-Response-Mode"));
        Assert.Equal("application/vnd.awslambda.http-integration-response", reply.Header("Content-Type"));

        byte[] body = invocation.StreamedBody;
        int separator = body.AsSpan().IndexOf(new byte[8]);
        Assert.True(separator > 0, "no eight-NUL separator after the prelude");
        using (var prelude = JsonDocument.Parse(body.AsMemory(0, separator)))
        {
            var root = prelude.RootElement;
            Assert.Equal(201, root.GetProperty("statusCode").GetInt32());
            Assert.Equal("text/plain", root.GetProperty("headers").GetProperty("Content-Type").GetString());
            Assert.Equal("a, b", root.GetProperty("headers").GetProperty("X-Part").GetString());
            Assert.Equal("streamed=1", root.GetProperty("cookies")[0].GetString());
        }
        Assert.Equal("GET /live part 0\nGET /live part 1\nGET /live part 2\n", Encoding.UTF8.GetString(body.AsSpan(separator + 8)));
        // Three parts flushed 50 ms apart: a busy machine may read two at once, a buffered reply would come in one read.
        Assert.True(invocation.StreamedChunks.Count >= 2, $"{invocation.StreamedChunks.Count} reads");
    }

    [Fact]
    public async Task A_header_added_after_the_streamed_head_went_out_is_an_error_not_a_silent_drop()
    {
        await using var function = await FunctionUnderTest.StartAsync("http-stream", binary: BootstrapBinaries.TestFunction);
        var invocation = function.Api.Enqueue(HttpEvents.Request("function-url", "GET", "/late-header"));
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.True(outcome.IsError);
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        Assert.Contains("after the response head was sent", outcome.BodyText);
        Assert.EndsWith("GET /late-header part 0\n", Encoding.UTF8.GetString(invocation.StreamedBody));
    }
}
