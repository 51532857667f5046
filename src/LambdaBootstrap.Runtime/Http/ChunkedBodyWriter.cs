using System.Buffers;
using System.Buffers.Text;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// Writes a request body in HTTP/1.1 chunked framing, each chunk on the wire as soon as it is written,
/// and ends it with the last chunk and optional trailer fields.
/// </summary>
internal sealed class ChunkedBodyWriter(Stream transport)
{
    private readonly byte[] _frame = new byte[16];

    public bool IsFinished { get; private set; }

    /// <summary>Sends one chunk. An empty span sends nothing: a zero-size chunk would end the body.</summary>
    public void WriteChunk(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(IsFinished, this);
        if (data.IsEmpty)
            return;
        Utf8Formatter.TryFormat(data.Length, _frame, out int digits, new StandardFormat('x'));
        _frame[digits] = (byte)'\r';
        _frame[digits + 1] = (byte)'\n';
        transport.Write(_frame, 0, digits + 2);
        transport.Write(data);
        transport.Write("\r\n"u8);
    }

    /// <summary>Ends the body: the zero-size chunk, then each trailer as <c>name: value</c>, then the blank line.</summary>
    public void Finish(ReadOnlySpan<(string Name, string Value)> trailers = default)
    {
        ObjectDisposedException.ThrowIf(IsFinished, this);
        IsFinished = true;
        if (trailers.IsEmpty)
        {
            transport.Write("0\r\n\r\n"u8);
            return;
        }
        var end = new System.Text.StringBuilder("0\r\n");
        foreach (var (name, value) in trailers)
            end.Append(name).Append(": ").Append(value).Append("\r\n");
        end.Append("\r\n");
        transport.Write(System.Text.Encoding.ASCII.GetBytes(end.ToString()));
    }
}
