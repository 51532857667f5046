using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// Writes a response body piece by piece, each flushed to the caller as it is written, and ends it with trailers.
/// Kestrel does not send HTTP/1.1 response trailers added with AppendTrailer (an open aspnetcore issue); but when
/// the app sets <c>Transfer-Encoding: chunked</c> itself, Kestrel stops chunking and passes the body through as
/// written, so over HTTP/1.1 this writes the chunk framing and the trailer section itself. Over HTTP/2 Kestrel
/// frames the body and sends AppendTrailer's trailers; HTTP/1.0 has neither, so there the body goes out plain.
/// </summary>
internal sealed class ChunkedResponseWriter
{
    private readonly HttpResponse _response;
    private readonly PipeWriter _body;
    private readonly bool _framesItself;

    private ChunkedResponseWriter(HttpResponse response, bool framesItself)
    {
        _response = response;
        _body = response.BodyWriter;
        _framesItself = framesItself;
    }

    /// <summary>Sets the framing headers, declaring <paramref name="trailerNames"/> up front; call before anything is written.</summary>
    public static ChunkedResponseWriter Start(HttpResponse response, params string[] trailerNames)
    {
        bool http11 = HttpProtocol.IsHttp11(response.HttpContext.Request.Protocol);
        response.ContentLength = null;
        if (http11)
            response.Headers.TransferEncoding = "chunked";
        if (trailerNames.Length > 0 && (http11 || response.SupportsTrailers()))
            response.Headers.Trailer = string.Join(", ", trailerNames);
        return new ChunkedResponseWriter(response, http11);
    }

    /// <summary>Writes one chunk and flushes it to the caller. An empty piece writes nothing (it would end the body).</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> piece, CancellationToken cancellationToken)
    {
        if (piece.IsEmpty)
            return;
        if (_framesItself)
            Ascii(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        _body.Write(piece.Span);
        if (_framesItself)
            Ascii("\r\n");
        await _body.FlushAsync(cancellationToken);
    }

    /// <summary>Ends the body: the last chunk, then <paramref name="trailers"/> (ASCII, one line each).</summary>
    public async Task EndAsync(IReadOnlyList<KeyValuePair<string, string>> trailers, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in trailers)
        {
            if (name.AsSpan().IndexOfAny(":\r\n") >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
                throw new ArgumentException($"trailer {name} must be one line with no ':' in its name", nameof(trailers));
        }
        if (_framesItself)
        {
            var section = new StringBuilder("0\r\n");
            foreach (var (name, value) in trailers)
                section.Append(name).Append(": ").Append(value).Append("\r\n");
            Ascii(section.Append("\r\n").ToString());
        }
        else if (_response.SupportsTrailers())
        {
            foreach (var (name, value) in trailers)
                _response.AppendTrailer(name, value);
        }
        await _body.FlushAsync(cancellationToken);
    }

    private void Ascii(string text) => _body.Write(Encoding.ASCII.GetBytes(text));
}
