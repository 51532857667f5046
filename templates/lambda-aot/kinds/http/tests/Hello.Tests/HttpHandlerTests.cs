using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>The HTTP handler as a plain method, in-process: fast, no runtime, no publish.</summary>
public sealed class HttpHandlerTests
{
    [Fact]
    public void Hello_answers_by_name_and_logs_it()
    {
        var context = new TestLambdaContext();
        var request = new HttpRequest { Method = "GET", Path = "/hello/Ada", PathParameters = new Dictionary<string, string> { ["name"] = "Ada" } };

        var response = HelloApi.Handle(request, context);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
        Assert.Equal("Hello, Ada!", JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString());
        Assert.True(context.TestLogger.Contains("greeting Ada"));
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/goodbye/Ada")]
    [InlineData("POST", "/hello/Ada")]
    public void Anything_else_is_not_found(string method, string path) =>
        Assert.Equal(404, HelloApi.Handle(new HttpRequest { Method = method, Path = path }, new TestLambdaContext()).StatusCode);
}
