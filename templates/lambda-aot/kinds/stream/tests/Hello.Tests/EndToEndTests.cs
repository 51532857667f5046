using System.Text;

namespace Hello.Tests;

/// <summary>The published bootstrap under the local Lambda emulator, invoked with a Function URL request.</summary>
public sealed class EndToEndTests(HelloFunction hello) : IClassFixture<HelloFunction>
{
    [EndToEndFact]
    public async Task A_Function_URL_request_gets_the_countdown_streamed()
    {
        await using var function = await hello.StartAsync("stream");
        byte[] @event = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(hello.ProjectPath)!, "events", "function-url.json"));

        var result = await function.InvokeAsync(@event);

        // A streamed HTTP response: the head as JSON (the HTTP integration prelude), eight zero bytes, then the body.
        Assert.False(result.IsError, result.BodyText);
        string text = result.BodyText;
        int separator = text.IndexOf("\0\0\0\0\0\0\0\0", StringComparison.Ordinal);
        Assert.True(separator > 0, $"no prelude in: {text}");
        Assert.Contains("\"statusCode\":200", text[..separator]);
        Assert.Equal("3\n2\n1\nliftoff\n", text[(separator + 8)..]);
    }
}
