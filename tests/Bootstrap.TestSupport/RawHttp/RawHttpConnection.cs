using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bootstrap.TestSupport.RawHttp;

/// <summary>
/// HTTP/1.1 written and read by hand over one TCP connection: for what HttpClient cannot do (send request trailers,
/// leave a body unfinished) and to see a response's framing exactly as it went over the wire.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly RawHttpReader _reader;

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new RawHttpReader(_stream);
    }

    public static async Task<RawHttpConnection> OpenAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return new RawHttpConnection(client);
    }

    /// <summary>Sends a request line and headers (plus Host); the body, if any, follows with the other methods.</summary>
    public Task SendHeadAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        return SendAsync(head.Append("\r\n").ToString());
    }

    /// <summary>Sends one chunk of a chunked body.</summary>
    public Task SendChunkAsync(string text)
    {
        byte[] data = Encoding.UTF8.GetBytes(text);
        return SendAsync($"{data.Length:x}\r\n{text}\r\n");
    }

    /// <summary>Ends a chunked body, with the given trailers.</summary>
    public Task EndChunksAsync(params (string Name, string Value)[] trailers)
    {
        var end = new StringBuilder("0\r\n");
        foreach (var (name, value) in trailers)
            end.Append(name).Append(": ").Append(value).Append("\r\n");
        return SendAsync(end.Append("\r\n").ToString());
    }

    public async Task SendAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>
    /// Reads one whole response: Content-Length, or chunked (keeping each chunk's size and the trailers). Fails after
    /// <see cref="Patience.Default"/> rather than waiting forever for an answer that does not come.
    /// </summary>
    public async Task<RawResponse> ReadResponseAsync() =>
        await _reader.ReadResponseAsync().WaitAsync(Patience.Default) ?? throw new IOException("connection closed before a whole response");

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
