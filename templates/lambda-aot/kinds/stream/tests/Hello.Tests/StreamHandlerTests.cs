using System.Text;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>
/// The streaming handler in-process, through the runtime's own invocation loop (LambdaTestHost): a Function URL
/// request in, the response streamed as on Lambda, one chunk per flush, with no publish.
/// </summary>
public sealed class StreamHandlerTests
{
    private readonly LambdaTestHost _stream = new(Function.Handlers, "stream");

    [Fact]
    public async Task A_Function_URL_request_gets_the_countdown_one_flush_per_line()
    {
        var result = await _stream.InvokeHttpAsync(new HttpRequestMessage(HttpMethod.Get, "/?from=2"), HttpEventFormat.FunctionUrl);

        Assert.True(result.IsStreamed);
        Assert.Equal(200, result.HttpResponse.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Equal("2\n1\nliftoff\n", result.HttpResponse.BodyText);
        // The head (the HTTP prelude) went out with the first flush; each line after it is a chunk of its own.
        var chunks = result.Chunks.Select(c => Encoding.UTF8.GetString(c)).ToList();
        Assert.EndsWith("\0\0\0\0\0\0\0\02\n", chunks[0]);
        Assert.Equal(["1\n", "liftoff\n"], chunks[1..]);
        Assert.Contains(result.LogLines, line => line.EndsWith("counting down from 2"));
    }

    [Fact]
    public async Task The_countdown_writes_each_line_then_liftoff()
    {
        using var body = new MemoryStream();
        await Countdown.WriteAsync(body, 3, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("3\n2\n1\nliftoff\n", Encoding.UTF8.GetString(body.ToArray()));
    }
}
