using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// HTTP/1.1 written and read by hand over one TCP connection: for what HttpClient cannot do (send request trailers,
/// leave a body unfinished) and to see a response's framing exactly as it went over the wire.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
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
    /// <see cref="FakeRuntime.Patience"/> rather than waiting forever for an answer that does not come.
    /// </summary>
    public Task<RawResponse> ReadResponseAsync() => ReadWholeResponseAsync().WaitAsync(FakeRuntime.Patience);

    private async Task<RawResponse> ReadWholeResponseAsync()
    {
        string status = await ReadLineAsync() ?? throw new IOException("connection closed before a response");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (string? line = await ReadLineAsync(); line is { Length: > 0 }; line = await ReadLineAsync())
        {
            int colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var body = new MemoryStream();
        var chunkSizes = new List<int>();
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValue("Transfer-Encoding", out string? encoding) && encoding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                int size = Convert.ToInt32((await ReadLineAsync())!.Split(';')[0], 16);
                if (size == 0)
                    break;
                chunkSizes.Add(size);
                body.Write(await ReadExactlyAsync(size));
                if (await ReadLineAsync() != "")
                    throw new IOException("a chunk did not end with CRLF");
            }
            for (string? line = await ReadLineAsync(); line is { Length: > 0 }; line = await ReadLineAsync())
            {
                int colon = line.IndexOf(':');
                trailers[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }
        else if (headers.TryGetValue("Content-Length", out string? length))
        {
            body.Write(await ReadExactlyAsync(int.Parse(length)));
        }
        return new RawResponse(int.Parse(status.Split(' ')[1]), headers, body.ToArray(), chunkSizes, trailers);
    }

    private async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync())
                return line.Count > 0 ? Encoding.UTF8.GetString(line.ToArray()) : null;
            byte b = _buffer[_start++];
            if (b == '\n')
                return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            line.Add(b);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var data = new byte[count];
        for (int at = 0; at < count;)
        {
            if (_start == _end && !await FillAsync())
                throw new IOException($"connection closed after {at} of {count} bytes");
            int n = Math.Min(count - at, _end - _start);
            Array.Copy(_buffer, _start, data, at, n);
            _start += n;
            at += n;
        }
        return data;
    }

    private async Task<bool> FillAsync()
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer);
        return _end > 0;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A response read by <see cref="RawHttpConnection"/>.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyList<int> ChunkSizes, IReadOnlyDictionary<string, string> Trailers)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
