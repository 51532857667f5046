using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>The handlers as plain methods, in-process: fast, no runtime, no publish.</summary>
public sealed class HandlerTests
{
    [Fact]
    public void Greet_says_hello_by_name_and_logs_it()
    {
        var context = new TestLambdaContext();
        var response = Handlers.Greet(new GreetRequest("Ada"), context);
        Assert.Equal("Hello, Ada!", response.Message);
        Assert.True(context.TestLogger.Contains("greeting Ada"));
    }

    [Fact]
    public void Greet_without_a_name_greets_the_world() =>
        Assert.Equal("Hello, world!", Handlers.Greet(new GreetRequest(null), new TestLambdaContext()).Message);

    [Fact]
    public void Echo_returns_the_event_unchanged()
    {
        byte[] @event = [1, 2, 3];
        Assert.Equal(@event, Handlers.Echo(@event, new TestLambdaContext()).ToArray());
    }
}
