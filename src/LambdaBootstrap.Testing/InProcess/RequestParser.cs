using System.Globalization;
using System.Text;

namespace LambdaBootstrap.Testing;

/// <summary>
/// Reads the HTTP/1.1 requests the runtime writes, from bytes as they arrive: a head, then a body by
/// <c>Content-Length</c>, or chunked with trailers (a streamed response, each chunk one flush of the handler).
/// </summary>
internal sealed class RequestParser
{
    private enum Part { Head, Body, ChunkSize, ChunkData, Trailers }

    private byte[] _buffer = new byte[4096];
    private int _length;
    private Part _part = Part.Head;
    private ParsedRequest? _request;
    private int _expected;
    private readonly Queue<ParsedRequest> _complete = new();

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        while (Step())
        {
        }
    }

    /// <summary>The next request whose last byte has arrived, or null.</summary>
    public ParsedRequest? TakeRequest() => _complete.TryDequeue(out var request) ? request : null;

    /// <summary>Parses one part if all of it is here; false when more bytes are needed.</summary>
    private bool Step()
    {
        switch (_part)
        {
            case Part.Head:
                int end = _buffer.AsSpan(0, _length).IndexOf("\r\n\r\n"u8);
                if (end < 0)
                    return false;
                _request = ParsedRequest.FromHead(Encoding.ASCII.GetString(_buffer, 0, end));
                Consume(end + 4);
                if (_request.Streamed)
                    _part = Part.ChunkSize;
                else
                {
                    _expected = _request.ContentLength;
                    _part = Part.Body;
                }
                return true;
            case Part.Body:
                if (_length < _expected)
                    return false;
                _request!.Body = _buffer.AsSpan(0, _expected).ToArray();
                Consume(_expected);
                Finish();
                return true;
            case Part.ChunkSize:
                if (ReadLine() is not { } size)
                    return false;
                _expected = int.Parse(size.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                _part = _expected == 0 ? Part.Trailers : Part.ChunkData;
                return true;
            case Part.ChunkData:
                if (_length < _expected + 2)
                    return false;
                _request!.Chunks.Add(_buffer.AsSpan(0, _expected).ToArray());
                Consume(_expected + 2);
                _part = Part.ChunkSize;
                return true;
            default:
                if (ReadLine() is not { } trailer)
                    return false;
                if (trailer.Length == 0)
                    Finish();
                else
                    _request!.AddTrailer(trailer);
                return true;
        }
    }

    private string? ReadLine()
    {
        int end = _buffer.AsSpan(0, _length).IndexOf("\r\n"u8);
        if (end < 0)
            return null;
        string line = Encoding.ASCII.GetString(_buffer, 0, end);
        Consume(end + 2);
        return line;
    }

    private void Finish()
    {
        _complete.Enqueue(_request!);
        _request = null;
        _part = Part.Head;
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _length - count);
        _length -= count;
    }
}
