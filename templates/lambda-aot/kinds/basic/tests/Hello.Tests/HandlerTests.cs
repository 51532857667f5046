using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>
/// The handlers in-process, through the runtime's own invocation loop (LambdaTestHost): the same JSON reading and
/// writing, error reports and log lines as the bootstrap on Lambda, in milliseconds, with no publish.
/// </summary>
public sealed class HandlerTests
{
    [Fact]
    public async Task Greet_says_hello_by_name_and_logs_it()
    {
        var result = await new LambdaTestHost(Function.Handlers, "greet").InvokeAsync("""{"name":"Ada"}""");

        Assert.False(result.IsError, result.Error?.Json);
        Assert.Equal("""{"message":"Hello, Ada!"}""", result.ResponseText);
        Assert.Contains(result.LogLines, line => line.EndsWith("greeting Ada"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"name":" "}""")]
    public async Task Greet_without_a_name_greets_the_world(string @event) =>
        Assert.Equal("""{"message":"Hello, world!"}""", (await new LambdaTestHost(Function.Handlers, "greet").InvokeAsync(@event)).ResponseText);

    [Fact]
    public async Task A_malformed_event_is_a_serialization_error()
    {
        var result = await new LambdaTestHost(Function.Handlers, "greet").InvokeAsync("""{"name": """);

        Assert.Equal("Runtime.SerializationError", result.Error?.ErrorType);
        Assert.Empty(result.Response);
    }

    [Fact]
    public async Task Echo_returns_the_event_byte_for_byte()
    {
        byte[] @event = [0, 1, 2, 0xFF, (byte)'{'];
        var result = await new LambdaTestHost(Function.Handlers, "echo").InvokeAsync(@event);
        Assert.Equal(@event, result.Response);
    }
}
