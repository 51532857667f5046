namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// A blocking TCP connection to the Runtime API as a <see cref="Stream"/>: straight on libc (<see cref="LibcSocket"/>),
/// or, in portable mode, on .NET's sockets (<see cref="ManagedSocket"/>). Both behave the same to the HTTP client above.
/// </summary>
internal abstract class RuntimeApiSocket : Stream
{
    /// <summary>Connects to the first address of <paramref name="endpoint"/> that accepts. Throws <see cref="IOException"/> with the reason.</summary>
    public static RuntimeApiSocket Connect(RuntimeApiEndpoint endpoint) =>
        // The switch is read here, where the compiler can drop the branch an AOT build does not take.
        Portable.IsEnabled ? ManagedSocket.Connect(endpoint) : LibcSocket.Connect(endpoint);

    /// <summary>
    /// Whether the peer has closed or reset the connection while it sat idle, found without waiting or consuming
    /// anything: a request sent now could not be answered, so it is better sent on a new connection.
    /// </summary>
    public abstract bool PeerHasClosed();

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
