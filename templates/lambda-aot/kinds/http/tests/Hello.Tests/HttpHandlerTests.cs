using System.Text;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>
/// The API in-process, through the runtime's own invocation loop (LambdaTestHost): each request is made into the event
/// of a front door and the answer read back as that front door reads it, in milliseconds, with no publish.
/// </summary>
public sealed class HttpHandlerTests
{
    private readonly LambdaTestHost _api = new(Function.Handlers, "http");

    [Theory]
    [InlineData(HttpEventFormat.ApiGatewayV2)] // an HTTP API, as template.yaml deploys it
    [InlineData(HttpEventFormat.ApiGatewayV1)] // a REST API
    [InlineData(HttpEventFormat.FunctionUrl)]
    [InlineData(HttpEventFormat.Alb)]
    public async Task Hello_answers_by_name_and_logs_it(HttpEventFormat format)
    {
        var result = await _api.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/hello/Ada"), format);

        Assert.Equal(200, result.HttpResponse.StatusCode);
        Assert.Equal("application/json", result.HttpResponse.Header("Content-Type"));
        Assert.Equal("""{"message":"Hello, Ada!"}""", result.HttpResponse.BodyText);
        Assert.Contains(result.LogLines, line => line.EndsWith("greeting Ada"));
    }

    [Fact]
    public async Task A_name_is_read_decoded_from_the_path()
    {
        var result = await _api.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/hello/Ada%20Lovelace"), HttpEventFormat.ApiGatewayV2);
        Assert.Equal("""{"message":"Hello, Ada Lovelace!"}""", result.HttpResponse.BodyText);
    }

    [Theory]
    [InlineData(HttpEventFormat.ApiGatewayV2)]
    [InlineData(HttpEventFormat.ApiGatewayV1)]
    public async Task A_posted_greeting_is_created(HttpEventFormat format)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/greetings")
        {
            Content = new StringContent("""{"name":"Bo"}""", Encoding.UTF8, "application/json"),
        };

        var result = await _api.InvokeHttpAsync(request, format);

        Assert.Equal(201, result.HttpResponse.StatusCode);
        Assert.Equal("""{"message":"Hello, Bo!"}""", result.HttpResponse.BodyText);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    public async Task A_body_that_is_no_greeting_request_is_a_bad_request(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/greetings") { Content = new StringContent(body) };
        Assert.Equal(400, (await _api.InvokeHttpAsync(request, HttpEventFormat.ApiGatewayV2)).HttpResponse.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/goodbye/Ada")]
    [InlineData("/hello/Ada/again")]
    public async Task Any_other_path_is_not_found(string path) =>
        Assert.Equal(404, (await _api.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpEventFormat.ApiGatewayV2)).HttpResponse.StatusCode);

    [Fact]
    public async Task Another_method_is_not_allowed_and_says_which_are()
    {
        var result = await _api.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Delete, "/hello/Ada"), HttpEventFormat.ApiGatewayV2);

        Assert.Equal(405, result.HttpResponse.StatusCode);
        Assert.Equal("GET, HEAD", result.HttpResponse.Header("Allow"));
    }

    [Fact]
    public async Task An_event_from_no_HTTP_front_door_is_a_serialization_error() =>
        Assert.Equal("Runtime.SerializationError", (await _api.InvokeAsync("""{"name":"Ada"}""")).Error?.ErrorType);
}
