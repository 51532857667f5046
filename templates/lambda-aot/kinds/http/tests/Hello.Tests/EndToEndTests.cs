using System.Text.Json;

namespace Hello.Tests;

/// <summary>The published bootstrap under the local Lambda emulator, invoked with an HTTP API event.</summary>
public sealed class EndToEndTests(HelloFunction hello) : IClassFixture<HelloFunction>
{
    [EndToEndFact]
    public async Task An_HTTP_API_request_gets_an_HTTP_API_response()
    {
        await using var function = await hello.StartAsync("http");
        byte[] @event = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(hello.ProjectPath)!, "events", "hello.json"));

        var result = await function.InvokeAsync(@event);

        Assert.False(result.IsError, result.BodyText);
        using var response = JsonDocument.Parse(result.Body);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"message":"Hello, Ada!"}""", response.RootElement.GetProperty("body").GetString());
    }

    [EndToEndFact]
    public async Task An_event_from_no_HTTP_front_door_is_a_serialization_error()
    {
        await using var function = await hello.StartAsync("http");
        Assert.Equal("Runtime.SerializationError", (await function.InvokeAsync("""{"name":"Ada"}""")).FunctionError);
    }
}
