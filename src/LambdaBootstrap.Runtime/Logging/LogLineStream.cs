namespace LambdaBootstrap.Runtime.Logging;

/// <summary>A write-only stream whose every write is one whole line of the log, never interleaved with log lines.</summary>
internal sealed class LogLineStream(LogWriter log) : Stream
{
    public override void Write(ReadOnlySpan<byte> buffer) => log.WriteRaw(buffer);
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
