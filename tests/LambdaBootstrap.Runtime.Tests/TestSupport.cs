using System.Text;
using Bootstrap.TestSupport.RuntimeApi;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace RuntimeTests;

/// <summary>Records every header the parser reports, in order.</summary>
internal sealed class RecordingSink : IHttpHeaderSink
{
    public List<(string Name, string Value)> Headers { get; } = [];

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        Headers.Add((Encoding.ASCII.GetString(name), Encoding.ASCII.GetString(value)));
}

/// <summary>
/// A test stream that cannot seek, and neither reads nor writes until a subclass overrides the span
/// <c>Read</c> (and <c>CanRead</c>) or the span <c>Write</c> (and <c>CanWrite</c>).
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override int Read(Span<byte> buffer) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException();
}

/// <summary>A read-only stream over fixed bytes that returns at most <c>maxPerRead</c> bytes per Read.</summary>
internal sealed class TrickleStream(byte[] data, int maxPerRead = 1) : ForwardOnlyStream
{
    private int _position;

    public int Reads { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        int n = Math.Min(Math.Min(buffer.Length, maxPerRead), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
}

/// <summary>A stream of a prefix, then <c>fillCount</c> bytes of 'x' generated on the fly, then a suffix: big bodies without big inputs.</summary>
internal sealed class GeneratedStream(byte[] prefix, long fillCount, byte[] suffix) : ForwardOnlyStream
{
    private long _position;

    public override int Read(Span<byte> buffer)
    {
        long total = prefix.Length + fillCount + suffix.Length;
        int written = 0;
        while (written < buffer.Length && _position < total)
        {
            if (_position < prefix.Length)
            {
                int n = (int)Math.Min(buffer.Length - written, prefix.Length - _position);
                prefix.AsSpan((int)_position, n).CopyTo(buffer[written..]);
                written += n;
                _position += n;
            }
            else if (_position < prefix.Length + fillCount)
            {
                int n = (int)Math.Min(buffer.Length - written, prefix.Length + fillCount - _position);
                buffer.Slice(written, n).Fill((byte)'x');
                written += n;
                _position += n;
            }
            else
            {
                int from = (int)(_position - prefix.Length - fillCount);
                int n = Math.Min(buffer.Length - written, suffix.Length - from);
                suffix.AsSpan(from, n).CopyTo(buffer[written..]);
                written += n;
                _position += n;
            }
        }
        return written;
    }

    public override bool CanRead => true;
}

internal static class TestData
{
    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static readonly FunctionSettings Function = new("my-function", "7", 512, "/aws/lambda/my-function", "2026/01/01/[7]abc");

    public static LogWriter QuietLog() => new(Stream.Null, LogFormat.Text, LogLevel.None);

    public static InvocationHeaders Headers(string requestId = "req-1", long? deadlineMs = null)
    {
        var headers = new InvocationHeaders();
        headers.OnHeader("Lambda-Runtime-Aws-Request-Id"u8, Encoding.UTF8.GetBytes(requestId));
        if (deadlineMs is long ms)
            headers.OnHeader("Lambda-Runtime-Deadline-Ms"u8, Encoding.ASCII.GetBytes(ms.ToString()));
        return headers;
    }

    public static LambdaContext Context(string requestId = "req-1", long? deadlineMs = null, LogWriter? log = null) =>
        new(Headers(requestId, deadlineMs), Function, log ?? QuietLog());
}

/// <summary>
/// The runtime's Runtime API client, in this process, against the scripted Runtime API over a real loopback socket;
/// the log it writes kept for the test to read. Each turn of a loop runs on a thread of its own, as in a bootstrap.
/// </summary>
internal sealed class ClientUnderTest : IAsyncDisposable
{
    private readonly MemoryStream _log = new();

    public ClientUnderTest()
    {
        Log = new LogWriter(_log, LogFormat.Text, LogLevel.Information);
        Client = new RuntimeApiClient(new HttpConnection(RuntimeApiEndpoint.Parse(Api.Address), "test-agent/1.0", TimeSpan.FromSeconds(2)), Log);
    }

    public ScriptedRuntimeApi Api { get; } = new();

    public RuntimeApiClient Client { get; }

    public LogWriter Log { get; }

    /// <summary>What the client and the loop have logged so far.</summary>
    public string LogText
    {
        get { lock (_log) return Encoding.UTF8.GetString(_log.ToArray()); }
    }

    public InvocationLoop Loop(LambdaHandler handler) => new(Client, handler, TestData.Function, Log, setTraceEnvironment: false);

    /// <summary>Runs one turn of <paramref name="loop"/> (a <c>/next</c> and its reply) and waits for it to end.</summary>
    public Task RunOnceAsync(InvocationLoop loop) => OnItsOwnThread(loop.RunOnce);

    /// <summary>Runs blocking client code off the test's thread, failing rather than hanging.</summary>
    public static Task OnItsOwnThread(Action work) => Task.Run(work).WaitAsync(Bootstrap.TestSupport.Patience.Default);

    /// <inheritdoc cref="OnItsOwnThread(Action)"/>
    public static Task<T> OnItsOwnThread<T>(Func<T> work) => Task.Run(work).WaitAsync(Bootstrap.TestSupport.Patience.Default);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }
}
