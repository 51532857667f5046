using System.Buffers.Text;
using System.Text;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// Builds one HTTP/1.1 request head in a reused buffer, then sends it with its body in as few writes as possible.
/// Header values are written as given; callers pass only values they control or have sanitised.
/// </summary>
internal sealed class HttpRequestWriter(ReadOnlyMemory<byte> fixedHeaders)
{
    // Bodies up to this size ride in the same write as the head: one packet for the common small reply.
    private const int CoalesceBodyBytes = 16 * 1024;

    private byte[] _buffer = new byte[2048];
    private int _length;
    private int _headLength;

    /// <summary>Whether the request may be sent again when its connection breaks before the answer: only a GET.</summary>
    public bool IsRepeatable { get; private set; }

    /// <summary>Starts a request: "METHOD path HTTP/1.1" plus the connection's fixed headers (Host, User-Agent).</summary>
    public HttpRequestWriter Start(ReadOnlySpan<byte> method, ReadOnlySpan<byte> path)
    {
        _length = 0;
        IsRepeatable = method.SequenceEqual("GET"u8);
        Append(method);
        Append(" "u8);
        Append(path);
        Append(" HTTP/1.1\r\n"u8);
        Append(fixedHeaders.Span);
        return this;
    }

    /// <summary>Appends to the request target; for paths built from parts (a request id between two literals).</summary>
    public HttpRequestWriter StartPath(ReadOnlySpan<byte> method, ReadOnlySpan<byte> prefix)
    {
        _length = 0;
        IsRepeatable = method.SequenceEqual("GET"u8);
        Append(method);
        Append(" "u8);
        Append(prefix);
        return this;
    }

    /// <summary>Appends a path segment, percent-encoding anything outside RFC 3986's unreserved characters.</summary>
    public HttpRequestWriter PathSegment(string segment)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in segment.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '.' or '_' or '~'))
            {
                AppendByte((byte)rune.Value);
                continue;
            }
            int n = rune.EncodeToUtf8(utf8);
            for (int i = 0; i < n; i++)
            {
                AppendByte((byte)'%');
                AppendByte((byte)"0123456789ABCDEF"[utf8[i] >> 4]);
                AppendByte((byte)"0123456789ABCDEF"[utf8[i] & 0xF]);
            }
        }
        return this;
    }

    public HttpRequestWriter EndPath(ReadOnlySpan<byte> suffix)
    {
        Append(suffix);
        Append(" HTTP/1.1\r\n"u8);
        Append(fixedHeaders.Span);
        return this;
    }

    public HttpRequestWriter Header(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        Append(name);
        Append(": "u8);
        Append(value);
        Append("\r\n"u8);
        return this;
    }

    /// <summary>Adds a header whose value is text; CR, LF and other control characters become spaces.</summary>
    public HttpRequestWriter Header(ReadOnlySpan<byte> name, string value)
    {
        Append(name);
        Append(": "u8);
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        EnsureCapacity(max + 2);
        int written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        foreach (ref byte b in _buffer.AsSpan(_length, written))
        {
            if (b < 0x20 || b == 0x7F)
                b = (byte)' ';
        }
        _length += written;
        Append("\r\n"u8);
        return this;
    }

    /// <summary>Ends the head: with a Content-Length for <paramref name="bodyLength"/>, or none when null (a GET).</summary>
    public void EndHead(int? bodyLength)
    {
        if (bodyLength is int length)
        {
            Append("Content-Length: "u8);
            EnsureCapacity(20);
            Utf8Formatter.TryFormat(length, _buffer.AsSpan(_length), out int digits);
            _length += digits;
            Append("\r\n"u8);
        }
        Append("\r\n"u8);
        _headLength = _length;
    }

    /// <summary>Ends the head of a request whose body follows in chunks, sends it, and returns the body's writer.</summary>
    public ChunkedBodyWriter EndChunkedHead(HttpConnection connection)
    {
        Append("Transfer-Encoding: chunked\r\n\r\n"u8);
        _headLength = _length;
        return connection.SendChunkedRequest();
    }

    /// <summary>Sends the finished head and the body. May be called again to resend on a new connection.</summary>
    public void WriteTo(Stream transport, ReadOnlySpan<byte> body)
    {
        _length = _headLength;
        if (body.Length <= CoalesceBodyBytes)
        {
            Append(body);
            transport.Write(_buffer, 0, _length);
        }
        else
        {
            transport.Write(_buffer, 0, _length);
            transport.Write(body);
        }
    }

    /// <summary>The request as built so far, for tests.</summary>
    internal ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    private void AppendByte(byte b)
    {
        EnsureCapacity(1);
        _buffer[_length++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void EnsureCapacity(int extra)
    {
        if (_length + extra > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
