namespace Hello.Tests;

/// <summary>The published bootstrap under the local Lambda emulator: the handlers through the real Runtime API.</summary>
public sealed class EndToEndTests(HelloFunction hello) : IClassFixture<HelloFunction>
{
    [EndToEndFact]
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

    [EndToEndFact]
    public async Task A_malformed_event_is_a_serialization_error()
    {
        await using var function = await hello.StartAsync("greet");
        var result = await function.InvokeAsync("""{"name": """);
        Assert.Equal("Runtime.SerializationError", result.FunctionError);
    }

    [EndToEndFact]
    public async Task Echo_returns_the_event_byte_for_byte()
    {
        await using var function = await hello.StartAsync("echo");
        byte[] @event = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(hello.ProjectPath)!, "events", "echo.json"));
        Assert.Equal(@event, (await function.InvokeAsync(@event)).Body);
    }
}
