using System.Text;

namespace Hello.Tests;

/// <summary>The countdown as a plain method, in-process, into a stream that records what each flush sent.</summary>
public sealed class StreamHandlerTests
{
    [Fact]
    public async Task The_countdown_ends_with_liftoff()
    {
        using var body = new MemoryStream();
        await Countdown.WriteAsync(body, 3, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("3\n2\n1\nliftoff\n", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Each_line_is_flushed_as_soon_as_it_is_written()
    {
        var body = new FlushRecordingStream();
        await Countdown.WriteAsync(body, 2, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(["2\n", "2\n1\n"], body.Flushed);
    }

    private sealed class FlushRecordingStream : MemoryStream
    {
        public List<string> Flushed { get; } = [];

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushed.Add(Encoding.UTF8.GetString(ToArray()));
            return Task.CompletedTask;
        }
    }
}
