using System.Net.Sockets;
using System.Text;

namespace Bootstrap.Reliability.Tests.FaultInjection;

/// <summary>One request as the fault-injecting server received it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads requests off one connection: the head, then a Content-Length or chunked body (trailers become headers).
/// Lenient where the client is not under test; a close mid-request is reported as null.
/// </summary>
public sealed class RequestReader(NetworkStream stream)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _start, _end;

    /// <summary>The head only; null when the client closed before a whole head arrived.</summary>
    public async Task<(string Method, string Path, List<(string, string)> Headers)?> ReadHeadAsync(CancellationToken cancel)
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync(cancel))
                return null;
        }
        string[] lines = Encoding.ASCII.GetString(_buffer, _start, headEnd).Split("\r\n");
        _start += headEnd + 4;
        string[] requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(line =>
        {
            int colon = line.IndexOf(':');
            return (line[..colon], line[(colon + 1)..].Trim());
        }).ToList();
        return (requestLine[0], requestLine[1], headers);
    }

    /// <summary>The body the head announced; null when the client closed before its end.</summary>
    public async Task<byte[]?> ReadBodyAsync(List<(string Name, string Value)> headers, CancellationToken cancel)
    {
        if (headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
            return await ReadChunkedAsync(headers, cancel);
        string? length = headers.Where(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
        return await ReadExactlyAsync(length is null ? 0 : int.Parse(length), cancel);
    }

    private async Task<byte[]?> ReadChunkedAsync(List<(string Name, string Value)> headers, CancellationToken cancel)
    {
        var body = new MemoryStream();
        while (true)
        {
            string? line = await ReadLineAsync(cancel);
            if (line is null)
                return null;
            int size = Convert.ToInt32(line.Split(';')[0].Trim(), 16);
            if (size == 0)
                break;
            byte[]? chunk = await ReadExactlyAsync(size + 2, cancel);
            if (chunk is null)
                return null;
            body.Write(chunk, 0, size);
        }
        while (await ReadLineAsync(cancel) is { } trailer)
        {
            if (trailer.Length == 0)
                return body.ToArray();
            int colon = trailer.IndexOf(':');
            headers.Add((trailer[..colon], trailer[(colon + 1)..].Trim()));
        }
        return null;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        int end;
        while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (!await FillAsync(cancel))
                return null;
        }
        string line = Encoding.ASCII.GetString(_buffer, _start, end);
        _start += end + 2;
        return line;
    }

    private async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancel))
                return null;
        }
        byte[] bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        try
        {
            int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancel);
            _end += read;
            return read > 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
