using System.Text;

namespace Bootstrap.TestSupport.RawHttp;

/// <summary>
/// The tests' one reader of raw HTTP/1.1 off a connection: requests (a server's side) and responses (a client's
/// side), with Content-Length or chunked bodies, each chunk's size and the trailers kept. Lenient where the peer is not
/// under test; a connection closed before a whole message is null, never an exception.
/// </summary>
public sealed class RawHttpReader(Stream connection)
{
    private readonly Stream _connection = connection;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    // The bytes of the request being read, exactly as they came.
    private readonly MemoryStream _wire = new();

    /// <summary>One whole request; null when the peer closed before its end.</summary>
    public async Task<RawRequest?> ReadRequestAsync(CancellationToken cancel = default)
    {
        if (await ReadRequestHeadAsync(cancel) is not { } head)
            return null;
        return await ReadBodyAsync(head.Headers, cancel) is { } body
            ? head with { Body = body.Bytes, ChunkSizes = body.ChunkSizes, Trailers = body.Trailers, Wire = _wire.ToArray() }
            : null;
    }

    /// <summary>A request's head alone, its body left unread (for <see cref="ReadBodyAsync"/>); null when the peer closed first.</summary>
    public async Task<RawRequest?> ReadRequestHeadAsync(CancellationToken cancel = default)
    {
        _wire.SetLength(0);
        if (await ReadHeadAsync(cancel) is not var (startLine, headers))
            return null;
        string[] parts = startLine.Split(' ');
        return new RawRequest(parts[0], parts[1], headers, [], [], []) { Wire = _wire.ToArray() };
    }

    /// <summary>One whole response; null when the peer closed before its end.</summary>
    public async Task<RawResponse?> ReadResponseAsync(CancellationToken cancel = default)
    {
        if (await ReadHeadAsync(cancel) is not var (statusLine, headers))
            return null;
        if (await ReadBodyAsync(headers, cancel) is not { } body)
            return null;
        return new RawResponse(int.Parse(statusLine.Split(' ')[1]), headers, body.Bytes, body.ChunkSizes, body.Trailers);
    }

    /// <summary>The body the headers announce: chunked, Content-Length, or none. Null when the peer closed before its end.</summary>
    public async Task<RawBody?> ReadBodyAsync(IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancel = default)
    {
        if (RawHeaders.Find(headers, "Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            return await ReadChunkedAsync(cancel);
        int length = RawHeaders.Find(headers, "Content-Length") is { } text ? int.Parse(text) : 0;
        return await ReadExactlyAsync(length, cancel) is { } bytes ? new RawBody(bytes, [], []) : null;
    }

    private async Task<(string StartLine, List<(string Name, string Value)> Headers)?> ReadHeadAsync(CancellationToken cancel)
    {
        // Leading empty lines (after a previous body) are skipped, as RFC 9112 allows.
        string? startLine;
        do
            startLine = await ReadLineAsync(cancel);
        while (startLine is { Length: 0 });
        if (startLine is null)
            return null;
        var headers = new List<(string, string)>();
        while (await ReadLineAsync(cancel) is { } line)
        {
            if (line.Length == 0)
                return (startLine, headers);
            headers.Add(Field(line));
        }
        return null;
    }

    private async Task<RawBody?> ReadChunkedAsync(CancellationToken cancel)
    {
        var body = new MemoryStream();
        var sizes = new List<int>();
        while (await ReadLineAsync(cancel) is { } sizeLine)
        {
            int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                var trailers = new List<(string, string)>();
                while (await ReadLineAsync(cancel) is { } trailer)
                {
                    if (trailer.Length == 0)
                        return new RawBody(body.ToArray(), sizes, trailers);
                    trailers.Add(Field(trailer));
                }
                return null;
            }
            if (await ReadExactlyAsync(size, cancel) is not { } chunk || await ReadLineAsync(cancel) is not "")
                return null;
            sizes.Add(size);
            body.Write(chunk);
        }
        return null;
    }

    private static (string, string) Field(string line)
    {
        int colon = line.IndexOf(':');
        return colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].Trim());
    }

    /// <summary>A line without its CRLF (or bare LF); null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancel))
                return null;
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            line.AddRange(_buffer.AsSpan(_start, stop - _start));
            _wire.Write(_buffer, _start, (newline < 0 ? _end : newline + 1) - _start);
            if (newline < 0)
            {
                _start = _end;
                continue;
            }
            _start = newline + 1;
            if (line.Count > 0 && line[^1] == '\r')
                line.RemoveAt(line.Count - 1);
            return Encoding.UTF8.GetString(line.ToArray());
        }
    }

    private async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        var data = new byte[count];
        for (int at = 0; at < count;)
        {
            if (_start == _end && !await FillAsync(cancel))
                return null;
            int n = Math.Min(count - at, _end - _start);
            Array.Copy(_buffer, _start, data, at, n);
            _wire.Write(_buffer, _start, n);
            _start += n;
            at += n;
        }
        return data;
    }

    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        _start = 0;
        try
        {
            _end = await _connection.ReadAsync(_buffer, cancel);
        }
        catch (IOException)
        {
            _end = 0; // a reset is a close, for what the tests want to know
        }
        return _end > 0;
    }
}

/// <summary>A body as <see cref="RawHttpReader"/> read it: the bytes, the size of each chunk (none unless chunked) and the trailers.</summary>
public sealed record RawBody(byte[] Bytes, IReadOnlyList<int> ChunkSizes, IReadOnlyList<(string Name, string Value)> Trailers);

/// <summary>Header lookups on the (name, value) lists the reader gives: names are case-insensitive.</summary>
public static class RawHeaders
{
    public static string? Find(IEnumerable<(string Name, string Value)> headers, string name) =>
        headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public static IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<(string Name, string Value)> headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
            map[name] = value;
        return map;
    }
}
