using System.Net.Http.Headers;
using System.Text;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Testing.Tests;

/// <summary>
/// HTTP handlers in-process: a request becomes each front door's event, the handler's answer is read back as that
/// front door reads it, and a streamed answer's prelude becomes its head.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class LambdaTestHostHttpTests
{
    public static TheoryData<HttpEventFormat> Formats =>
        [HttpEventFormat.ApiGatewayV1, HttpEventFormat.ApiGatewayV2, HttpEventFormat.FunctionUrl, HttpEventFormat.Alb];

    private static readonly LambdaTestHost Host = new(LambdaHandler.Http((HttpRequest request, ILambdaContext context) =>
    {
        if (request.Path.StartsWith("/hello/", StringComparison.Ordinal))
        {
            string name = request.Path["/hello/".Length..];
            return HttpResponse.Json(200, $$"""{"message":"{{request.Query["greeting"] ?? "Hello"}}, {{name}}!"}""");
        }
        if (request.Path == "/echo")
            return HttpResponse.Bytes(201, request.Body, request.Headers["Content-Type"]).WithHeader("X-Echo-Method", request.Method);
        if (request.Path == "/cookies")
        {
            string received = string.Join(";", request.Cookies);
            return HttpResponse.Text(200, received).WithCookie("a=1; Path=/").WithCookie("b=2");
        }
        return HttpResponse.Json(404, """{"message":"Not Found"}""");
    }));

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_GET_with_a_query_is_routed_and_answered_in_each_format(HttpEventFormat format)
    {
        var result = await Host.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/hello/Ada?greeting=Hi"), format);

        var response = result.HttpResponse;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"message":"Hi, Ada!"}""", response.BodyText);
        Assert.Equal("application/json", response.Header("content-type"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_binary_POST_body_goes_through_base64_both_ways_in_each_format(HttpEventFormat format)
    {
        byte[] body = [0, 1, 2, 250, 251, 255];
        var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = (await Host.InvokeHttpAsync(request, format)).HttpResponse;

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(body, response.Body);
        Assert.Equal("POST", response.Header("X-Echo-Method"));
        Assert.Equal("application/octet-stream", response.Header("Content-Type"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Cookies_arrive_and_are_set_in_each_format(HttpEventFormat format)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/cookies");
        request.Headers.Add("Cookie", "session=s1; theme=dark");

        var response = (await Host.InvokeHttpAsync(request, format)).HttpResponse;

        Assert.Equal("session=s1;theme=dark", response.BodyText);
        Assert.Equal(["a=1; Path=/", "b=2"], response.Cookies);
        Assert.DoesNotContain(response.Headers, h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unmatched_route_is_the_handlers_404_and_a_failure_has_no_HTTP_response()
    {
        var missing = await Host.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/nowhere"), HttpEventFormat.ApiGatewayV2);
        Assert.Equal(404, missing.HttpResponse.StatusCode);

        var failing = new LambdaTestHost(LambdaHandler.Http(HttpResponse (HttpRequest r, ILambdaContext c) => throw new InvalidOperationException("down")));
        var failed = await failing.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/"), HttpEventFormat.FunctionUrl);
        Assert.Equal("InvalidOperationException", failed.Error!.ErrorType);
        var problem = Assert.Throws<InvalidOperationException>(() => failed.HttpResponse);
        Assert.Contains("502", problem.Message);
    }

    [Fact]
    public async Task An_event_that_is_no_HTTP_event_is_a_SerializationError()
    {
        var result = await Host.InvokeAsync("""{"detail-type":"Scheduled Event"}""");
        Assert.Equal("Runtime.SerializationError", result.Error!.ErrorType);
    }

    [Fact]
    public async Task A_streamed_HTTP_response_has_its_prelude_as_head_and_its_flushes_as_body()
    {
        var host = new LambdaTestHost(LambdaHandler.HttpStreaming(async (HttpRequest request, HttpStreamingResponse response, ILambdaContext context) =>
        {
            response.StatusCode = 206;
            response.Headers.Add("Content-Type", "text/event-stream");
            response.Cookies.Add("seen=1");
            response.Write("data: one\n\n"u8);
            await response.FlushAsync();
            response.Write("data: two\n\n"u8);
            await response.FlushAsync();
        }));

        var result = await host.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/events"), HttpEventFormat.FunctionUrl);

        Assert.Equal(HttpResponsePrelude.ContentType, result.ContentType);
        var response = result.HttpResponse;
        Assert.Equal(206, response.StatusCode);
        Assert.Equal("text/event-stream", response.Header("Content-Type"));
        Assert.Equal(["seen=1"], response.Cookies);
        Assert.Equal("data: one\n\ndata: two\n\n", response.BodyText);
        Assert.Contains("\"statusCode\":206", response.Prelude);
        // The prelude went out with the first flush; each flush after it is a chunk of its own.
        Assert.Equal(2, result.Chunks.Count);
        Assert.EndsWith("data: one\n\n", Encoding.UTF8.GetString(result.Chunks[0]));
        Assert.Equal("data: two\n\n", Encoding.UTF8.GetString(result.Chunks[1]));
    }
}
