using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>Publishes the function once (Native AOT) and runs the real bootstrap under the local Lambda emulator.</summary>
public sealed class HelloFunction() : LambdaFunctionFixture(FindUpwards("src/Hello/Hello.csproj"));

public sealed class EndToEndTests(HelloFunction hello) : IClassFixture<HelloFunction>
{
    [Fact]
    public async Task Greet_answers_over_the_Runtime_API()
    {
        await using var function = await hello.StartAsync("greet");
        var cold = await function.InvokeAsync("""{"name":"Ada"}""");
        var warm = await function.InvokeAsync("""{"name":"Bo"}""");

        Assert.Equal("""{"message":"Hello, Ada!"}""", cold.BodyText);
        Assert.True(cold.ColdStart);
        Assert.Equal("""{"message":"Hello, Bo!"}""", warm.BodyText);
        Assert.False(warm.ColdStart);
        Assert.Contains(function.Output, line => line.StartsWith("REPORT RequestId: " + warm.RequestId));
    }

    [Fact]
    public async Task A_malformed_event_is_a_serialization_error()
    {
        await using var function = await hello.StartAsync("greet");
        var result = await function.InvokeAsync("""{"name": """);
        Assert.Equal("Runtime.SerializationError", result.FunctionError);
    }

    [Fact]
    public async Task Echo_returns_the_event_byte_for_byte()
    {
        await using var function = await hello.StartAsync("echo");
        byte[] @event = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(hello.ProjectPath)!, "events", "echo.json"));
        Assert.Equal(@event, (await function.InvokeAsync(@event)).Body);
    }
}
