using System.Text;

namespace LambdaBootstrap.Testing;

/// <summary>The function's log as the runtime's log writer writes it (one write per line), kept as lines.</summary>
internal sealed class CapturedLog : Stream
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _lines.ToArray();
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // One write is one entry, even when its message spans lines.
        string line = Encoding.UTF8.GetString(buffer).TrimEnd('\n');
        lock (_lines)
            _lines.Add(line);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
