using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Native;

namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Unbuffered writes to stdout or stderr, straight to the file descriptor. Unlike Console's streams it does
/// no terminal set-up on first use; Console.WriteLine from a handler still works and lands in the same log.
/// In portable mode (<see cref="Portable"/>) they are Console's unbuffered standard streams instead.
/// </summary>
internal sealed unsafe class StandardStream : Stream
{
    public static readonly Stream Output = Portable.IsEnabled ? Console.OpenStandardOutput() : new StandardStream(1);
    public static readonly Stream Error = Portable.IsEnabled ? Console.OpenStandardError() : new StandardStream(2);

    private readonly int _fd;

    private StandardStream(int fd) => _fd = fd;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            byte* p = start;
            nint left = buffer.Length;
            while (left > 0)
            {
                nint n = Libc.Write(_fd, p, left);
                if (n < 0)
                {
                    // A log that cannot be written is not a reason to fail the invocation.
                    if (Marshal.GetLastPInvokeError() == Libc.EINTR)
                        continue;
                    return;
                }
                p += n;
                left -= n;
            }
        }
    }

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
