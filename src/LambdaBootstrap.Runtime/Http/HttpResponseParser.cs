using System.Buffers.Text;
using System.Text;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// Parses an HTTP/1.1 response head (status line and headers) from a span, strictly:
/// CRLF line endings, token header names, no folding, bounded sizes, unambiguous framing.
/// </summary>
internal static class HttpResponseParser
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;
    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    /// <summary>
    /// Parses the head if <paramref name="buffer"/> holds all of it. Returns false when more bytes are needed.
    /// Throws <see cref="InvalidHttpResponseException"/> for anything malformed or over the limits.
    /// </summary>
    public static bool TryParseHead(ReadOnlySpan<byte> buffer, IHttpHeaderSink sink, out HttpResponseHead head, out int consumed)
    {
        head = default;
        consumed = 0;

        int headEnd = buffer.IndexOf(EndOfHead);
        RejectBareLineFeeds(headEnd < 0 ? buffer : buffer[..(headEnd + EndOfHead.Length)]);

        int statusEnd = buffer.IndexOf(Crlf);
        if (statusEnd < 0)
        {
            // A line of exactly the limit may still be waiting for the LF of its CRLF.
            if (buffer.Length > HttpLimits.MaxStatusLineBytes + 1)
                throw new InvalidHttpResponseException($"status line longer than {HttpLimits.MaxStatusLineBytes} bytes");
            return false;
        }
        if (statusEnd > HttpLimits.MaxStatusLineBytes)
            throw new InvalidHttpResponseException($"status line longer than {HttpLimits.MaxStatusLineBytes} bytes");

        if (headEnd < 0)
        {
            if (buffer.Length >= HttpLimits.MaxHeadBytes)
                throw new InvalidHttpResponseException($"response headers longer than {HttpLimits.MaxHeadBytes} bytes");
            return false;
        }
        if (headEnd + EndOfHead.Length > HttpLimits.MaxHeadBytes)
            throw new InvalidHttpResponseException($"response headers longer than {HttpLimits.MaxHeadBytes} bytes");

        int statusCode = ParseStatusLine(buffer[..statusEnd]);
        if (statusCode == 101)
            throw new InvalidHttpResponseException("101 Switching Protocols, but no upgrade was asked for");
        // An interim (1xx) response's headers describe nothing the caller asked about.
        if (statusCode < 200)
            sink = IgnoredHeaders.Instance;

        long contentLength = -1;
        bool chunked = false, close = false;
        int headerCount = 0;
        // Header lines lie between the status line's CRLF and the final CRLF CRLF.
        var rest = statusEnd == headEnd ? ReadOnlySpan<byte>.Empty : buffer[(statusEnd + 2)..(headEnd + 2)];
        while (!rest.IsEmpty)
        {
            int lineEnd = rest.IndexOf(Crlf);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (++headerCount > HttpLimits.MaxHeaderCount)
                throw new InvalidHttpResponseException($"more than {HttpLimits.MaxHeaderCount} response headers");

            ParseHeaderLine(line, out var name, out var value);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                long parsed = ParseContentLength(value);
                if (contentLength >= 0 && contentLength != parsed)
                    throw new InvalidHttpResponseException("conflicting Content-Length headers");
                contentLength = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                if (!Ascii.EqualsIgnoreCase(value, "chunked"u8))
                    throw new InvalidHttpResponseException($"unsupported Transfer-Encoding '{Encoding.ASCII.GetString(value)}'");
                chunked = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close |= Ascii.EqualsIgnoreCase(value, "close"u8);
            }
            sink.OnHeader(name, value);
        }

        head = new HttpResponseHead(statusCode, contentLength, chunked, close);
        if (head.HasBody)
        {
            if (chunked && contentLength >= 0)
                throw new InvalidHttpResponseException("response has both Content-Length and Transfer-Encoding");
            if (!chunked && contentLength < 0)
                throw new InvalidHttpResponseException($"{statusCode} response has neither Content-Length nor chunked Transfer-Encoding");
        }
        consumed = headEnd + EndOfHead.Length;
        return true;
    }

    // "HTTP/1.1 200 OK": version, a space, three digits, then a space and any reason (or nothing).
    private static int ParseStatusLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 12 || !(line.StartsWith("HTTP/1.1 "u8) || line.StartsWith("HTTP/1.0 "u8)))
            throw new InvalidHttpResponseException($"malformed status line '{Printable(line)}'");
        var code = line.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
            || (line.Length > 12 && line[12] != (byte)' '))
            throw new InvalidHttpResponseException($"malformed status code in '{Printable(line)}'");
        return (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    }

    private static void ParseHeaderLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
            throw new InvalidHttpResponseException($"malformed header line '{Printable(line)}'");
        name = line[..colon];
        foreach (byte b in name)
        {
            if (!IsTokenChar(b))
                throw new InvalidHttpResponseException($"invalid header name '{Printable(name)}'");
        }
        value = line[(colon + 1)..].Trim(" \t"u8);
        foreach (byte b in value)
        {
            if (b < 0x20 && b != (byte)'\t' || b == 0x7F)
                throw new InvalidHttpResponseException($"control character in header '{Printable(name)}'");
        }
    }

    // CRLF ends every line here: a lone LF is an error at once, not a wait for a CRLF that may never come.
    private static void RejectBareLineFeeds(ReadOnlySpan<byte> head)
    {
        int offset = 0;
        int lf;
        while ((lf = head[offset..].IndexOf((byte)'\n')) >= 0)
        {
            offset += lf + 1;
            if (offset == 1 || head[offset - 2] != (byte)'\r')
                throw new InvalidHttpResponseException("bare LF line ending in the response head");
        }
    }

    private static long ParseContentLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || !Utf8Parser.TryParse(value, out long length, out int used) || used != value.Length)
            throw new InvalidHttpResponseException($"invalid Content-Length '{Printable(value)}'");
        return length;
    }

    private static bool IsTokenChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        || "!#$%&'*+-.^_`|~"u8.Contains(b);

    private sealed class IgnoredHeaders : IHttpHeaderSink
    {
        public static readonly IgnoredHeaders Instance = new();

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }

    /// <summary>Bytes as text for an error message: short, with control characters shown as '?'.</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes.Length > 80 ? bytes[..80] : bytes;
        var chars = new char[shown.Length];
        for (int i = 0; i < shown.Length; i++)
            chars[i] = shown[i] is >= 0x20 and < 0x7F ? (char)shown[i] : '?';
        return bytes.Length > 80 ? new string(chars) + "..." : new string(chars);
    }
}
