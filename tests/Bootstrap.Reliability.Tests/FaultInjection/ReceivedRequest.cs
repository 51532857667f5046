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
public sealed class RequestReader(Stream connection)
{
    private readonly BufferedStream _input = new(connection, 64 * 1024);

    /// <summary>The head only; null when the client closed before a whole head arrived.</summary>
    public async Task<(string Method, string Path, List<(string, string)> Headers)?> ReadHeadAsync(CancellationToken cancel)
    {
        var lines = new List<string>();
        while (await ReadLineAsync(cancel) is { } line)
        {
            if (line.Length == 0)
            {
                string[] requestLine = lines[0].Split(' ');
                return (requestLine[0], requestLine[1], lines.Skip(1).Select(Field).ToList());
            }
            lines.Add(line);
        }
        return null;
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
        while (await ReadLineAsync(cancel) is { } sizeLine)
        {
            int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                while (await ReadLineAsync(cancel) is { } trailer)
                {
                    if (trailer.Length == 0)
                        return body.ToArray();
                    headers.Add(Field(trailer));
                }
                return null;
            }
            if (await ReadExactlyAsync(size + 2, cancel) is not { } chunk)
                return null;
            body.Write(chunk, 0, size);
        }
        return null;
    }

    private static (string, string) Field(string line)
    {
        int colon = line.IndexOf(':');
        return (line[..colon], line[(colon + 1)..].Trim());
    }

    /// <summary>A CRLF-terminated line without its CRLF; null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await ReadAsync(one, cancel))
        {
            if (one[0] == (byte)'\n' && line.Length > 0 && line[^1] == '\r')
                return line.ToString(0, line.Length - 1);
            line.Append((char)one[0]);
        }
        return null;
    }

    private async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        byte[] bytes = new byte[count];
        return count == 0 || await ReadAsync(bytes, cancel) ? bytes : null;
    }

    private async Task<bool> ReadAsync(byte[] destination, CancellationToken cancel)
    {
        try
        {
            await _input.ReadExactlyAsync(destination, cancel);
            return true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            return false;
        }
    }
}
