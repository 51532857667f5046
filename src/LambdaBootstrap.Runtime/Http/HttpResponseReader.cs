using System.Buffers.Text;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// Reads HTTP/1.1 responses off a transport: the head through <see cref="HttpResponseParser"/>, then the body
/// by Content-Length or chunked framing. Keeps leftover bytes for the next response on a keep-alive connection.
/// </summary>
internal sealed class HttpResponseReader(Stream transport)
{
    private byte[] _buffer = new byte[8 * 1024];
    private int _start, _end;

    /// <summary>
    /// Reads one response head. Throws <see cref="HttpConnectionClosedException"/> if the peer closed the
    /// connection before sending any byte of it, <see cref="InvalidHttpResponseException"/> if it is malformed or truncated.
    /// </summary>
    public HttpResponseHead ReadHead(IHttpHeaderSink sink)
    {
        int interim = 0;
        while (true)
        {
            if (_end > _start && HttpResponseParser.TryParseHead(_buffer.AsSpan(_start, _end - _start), sink, out var head, out int consumed))
            {
                _start += consumed;
                if (head.StatusCode >= 200)
                    return head;
                // 100 Continue, 103 Early Hints: interim answers before the real one, which may follow at once.
                if (++interim > HttpLimits.MaxInterimResponses)
                    throw new InvalidHttpResponseException($"more than {HttpLimits.MaxInterimResponses} interim (1xx) responses");
                continue;
            }
            if (!FillHead())
            {
                if (_end == _start)
                    throw new HttpConnectionClosedException();
                throw new InvalidHttpResponseException($"connection closed after {_end - _start} bytes of the response head");
            }
        }
    }

    // Only a connection that broke before any byte of the answer may be retried: part of an answer is a failed answer.
    private bool FillHead()
    {
        try
        {
            return Fill(HttpLimits.MaxHeadBytes);
        }
        catch (IOException e) when (_end > _start)
        {
            throw new InvalidHttpResponseException($"connection broke after {_end - _start} bytes of the response head: {e.Message}");
        }
    }

    /// <summary>Reads the whole body the head announced. The memory is the caller's to keep.</summary>
    public ReadOnlyMemory<byte> ReadBody(in HttpResponseHead head)
    {
        if (!head.HasBody)
            return ReadOnlyMemory<byte>.Empty;
        return head.IsChunked ? ReadChunkedBody() : ReadFixedBody(head.ContentLength);
    }

    /// <summary>Reads past the body the head announced without keeping it (an answer nobody needs, like a 202's).</summary>
    public void SkipBody(in HttpResponseHead head)
    {
        if (!head.HasBody)
            return;
        if (head.IsChunked)
        {
            ReadChunkedBody();
            return;
        }
        if (head.ContentLength > HttpLimits.MaxBodyBytes)
            throw new InvalidHttpResponseException($"response body of {head.ContentLength} bytes is over the {HttpLimits.MaxBodyBytes} byte limit");
        long left = head.ContentLength;
        while (true)
        {
            int buffered = (int)Math.Min(left, _end - _start);
            _start += buffered;
            left -= buffered;
            if (left == 0)
                return;
            if (!Fill(HttpLimits.MaxHeadBytes))
                throw new InvalidHttpResponseException($"connection closed after {head.ContentLength - left} of {head.ContentLength} body bytes");
        }
    }

    private byte[] ReadFixedBody(long contentLength)
    {
        if (contentLength > HttpLimits.MaxBodyBytes)
            throw new InvalidHttpResponseException($"response body of {contentLength} bytes is over the {HttpLimits.MaxBodyBytes} byte limit");
        if (contentLength == 0)
            return [];
        var body = new byte[contentLength];
        int copied = Math.Min(body.Length, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(body);
        _start += copied;
        while (copied < body.Length)
        {
            int read = transport.Read(body, copied, body.Length - copied);
            if (read == 0)
                throw new InvalidHttpResponseException($"connection closed after {copied} of {body.Length} body bytes");
            copied += read;
        }
        return body;
    }

    private ReadOnlyMemory<byte> ReadChunkedBody()
    {
        var body = new byte[Math.Max(_end - _start, 1024)];
        int length = 0;
        while (true)
        {
            int size = ReadChunkSize();
            if (size == 0)
                break;
            if ((long)length + size > HttpLimits.MaxBodyBytes)
                throw new InvalidHttpResponseException($"chunked response body over the {HttpLimits.MaxBodyBytes} byte limit");
            if (body.Length - length < size)
                Array.Resize(ref body, (int)Math.Min(HttpLimits.MaxBodyBytes, Math.Max((long)body.Length * 2, (long)length + size)));
            ReadExactly(body.AsSpan(length, size));
            length += size;
            ExpectCrlf();
        }
        // Trailers are allowed after the last chunk; the Runtime API sends none we use, so skip them.
        while (ReadLine(HttpLimits.MaxChunkLineBytes, "chunked trailer").Length > 0)
        {
        }
        return body.AsMemory(0, length);
    }

    // "1a2b[;extensions]\r\n"
    private int ReadChunkSize()
    {
        var line = ReadLine(HttpLimits.MaxChunkLineBytes, "chunk size line");
        int semicolon = line.IndexOf((byte)';');
        var hex = (semicolon >= 0 ? line[..semicolon] : line).TrimEnd(" \t"u8);
        if (hex.IsEmpty || hex.Length > 8 || !Utf8Parser.TryParse(hex, out uint size, out int used, 'x') || used != hex.Length
            || size > HttpLimits.MaxBodyBytes)
            throw new InvalidHttpResponseException($"invalid chunk size '{HttpResponseParser.Printable(line)}'");
        return (int)size;
    }

    private void ExpectCrlf()
    {
        if (ReadLine(2, "chunk terminator").Length != 0)
            throw new InvalidHttpResponseException("chunk data not followed by CRLF");
    }

    /// <summary>Returns the next CRLF-terminated line without its CRLF; valid until the next read.</summary>
    private ReadOnlySpan<byte> ReadLine(int maxBytes, string what)
    {
        while (true)
        {
            int lf = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                if (lf == 0 || _buffer[_start + lf - 1] != (byte)'\r')
                    throw new InvalidHttpResponseException($"bare LF line ending in a {what}");
                var line = _buffer.AsSpan(_start, lf - 1);
                _start += lf + 1;
                return line;
            }
            if (_end - _start > maxBytes)
                throw new InvalidHttpResponseException($"{what} longer than {maxBytes} bytes");
            if (!Fill(maxBytes + 2))
                throw new InvalidHttpResponseException($"connection closed in the middle of a {what}");
        }
    }

    private void ReadExactly(Span<byte> destination)
    {
        int copied = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(destination);
        _start += copied;
        while (copied < destination.Length)
        {
            int read = transport.Read(destination[copied..]);
            if (read == 0)
                throw new InvalidHttpResponseException($"connection closed after {copied} of {destination.Length} chunk bytes");
            copied += read;
        }
    }

    /// <summary>Reads more bytes into the buffer, growing it up to <paramref name="limit"/>. False at end of stream.</summary>
    private bool Fill(int limit)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else if (_buffer.Length < limit)
            {
                Array.Resize(ref _buffer, Math.Min(limit, _buffer.Length * 2));
            }
            else
            {
                // The parser reports which limit this is; here the buffer simply cannot hold more.
                throw new InvalidHttpResponseException($"response line or head longer than {limit} bytes");
            }
        }
        int read = transport.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }

    /// <summary>Whether bytes beyond the last response are waiting (a peer that sent more than it announced).</summary>
    public bool HasBufferedBytes => _end > _start;
}
