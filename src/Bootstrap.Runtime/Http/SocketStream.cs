using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Bootstrap.Runtime.Native;

namespace Bootstrap.Runtime.Http;

/// <summary>A blocking TCP connection as a <see cref="Stream"/>, straight on libc. Writes never raise SIGPIPE.</summary>
internal sealed unsafe class SocketStream : Stream
{
    private int _fd;

    private SocketStream(int fd) => _fd = fd;

    /// <summary>Connects to the first address of <paramref name="endpoint"/> that accepts. Throws <see cref="IOException"/> with the reason.</summary>
    public static SocketStream Connect(RuntimeApiEndpoint endpoint)
    {
        string? lastError = null;
        foreach (byte[] address in Resolve(endpoint))
        {
            if (TryConnect(address, out int fd, out lastError))
                return new SocketStream(fd);
        }
        throw new IOException(lastError ?? $"no address for {endpoint.Host}");
    }

    // An address is the sockaddr that connect() takes: sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes), the family
    // in host order, then the port in network order. Kept as bytes, not IPAddress, whose parsing and error tables
    // would bring System.Net.Primitives (and a boxed enum, and with it the reflection stack) into every bootstrap.
    private static bool TryConnect(byte[] address, out int fd, out string? error)
    {
        int family = BitConverter.ToUInt16(address);
        fd = Libc.Socket(family, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, Libc.IPPROTO_TCP);
        if (fd < 0)
        {
            error = Libc.ErrorText(Marshal.GetLastPInvokeError());
            return false;
        }
        int result;
        fixed (byte* sockaddr = address)
        {
            do
            {
                result = Libc.Connect(fd, sockaddr, (uint)address.Length);
            }
            while (result < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR);
        }
        if (result < 0)
        {
            error = $"{AddressText(address)}: {Libc.ErrorText(Marshal.GetLastPInvokeError())}";
            Libc.Close(fd);
            fd = -1;
            return false;
        }
        int one = 1;
        Libc.SetSockOpt(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, &one, sizeof(int));
        error = null;
        return true;
    }

    /// <summary>The endpoint's addresses, IPv4 first; a literal address needs no lookup.</summary>
    private static List<byte[]> Resolve(RuntimeApiEndpoint endpoint)
    {
        if (Literal(endpoint.Host, endpoint.Port) is { } literal)
            return [literal];
        var hints = new Libc.AddrInfo { SockType = Libc.SOCK_STREAM };
        Libc.AddrInfo* list;
        int status = Libc.GetAddrInfo(endpoint.Host, null, &hints, &list);
        if (status != 0)
            throw new IOException($"cannot resolve '{endpoint.Host}': {Marshal.PtrToStringUTF8((nint)Libc.GaiStrError(status))}");
        List<byte[]> v4 = [], v6 = [];
        try
        {
            for (var info = list; info != null; info = info->Next)
            {
                if (info->Family is not (Libc.AF_INET or Libc.AF_INET6))
                    continue;
                var address = new ReadOnlySpan<byte>(info->Addr, (int)info->AddrLen).ToArray();
                BinaryPrimitives.WriteUInt16BigEndian(address.AsSpan(2), (ushort)endpoint.Port);
                (info->Family == Libc.AF_INET ? v4 : v6).Add(address);
            }
        }
        finally
        {
            Libc.FreeAddrInfo(list);
        }
        v4.AddRange(v6);
        return v4;
    }

    /// <summary>A literal IPv4 or IPv6 address (as Lambda gives it: 127.0.0.1) as a socket address; null for a name.</summary>
    private static byte[]? Literal(string host, int port) =>
        Literal(host, port, Libc.AF_INET, size: 16, at: 4) ?? Literal(host, port, Libc.AF_INET6, size: 28, at: 8);

    private static byte[]? Literal(string host, int port, int family, int size, int at)
    {
        var address = new byte[size];
        fixed (byte* p = address)
        {
            if (Libc.InetPton(family, host, p + at) != 1)
                return null;
            *(ushort*)p = (ushort)family;
        }
        BinaryPrimitives.WriteUInt16BigEndian(address.AsSpan(2), (ushort)port);
        return address;
    }

    /// <summary>The address as text, for error messages: 127.0.0.1 or ::1.</summary>
    private static string AddressText(byte[] address)
    {
        byte* text = stackalloc byte[64];
        fixed (byte* p = address)
        {
            int family = *(ushort*)p;
            return Libc.InetNtop(family, family == Libc.AF_INET ? p + 4 : p + 8, text, 64) is null
                ? "?"
                : Marshal.PtrToStringUTF8((nint)text)!;
        }
    }

    /// <summary>
    /// Whether the peer has closed or reset the connection while it sat idle, found without waiting or consuming
    /// anything: a request sent now could not be answered, so it is better sent on a new connection.
    /// </summary>
    public bool PeerHasClosed()
    {
        byte probe;
        while (true)
        {
            nint n = Libc.Recv(_fd, &probe, 1, Libc.MSG_PEEK | Libc.MSG_DONTWAIT);
            if (n > 0)
                return false;
            if (n == 0)
                return true;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.EINTR)
                return errno != Libc.EAGAIN;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = Libc.Recv(_fd, p, buffer.Length, 0);
                if (n >= 0)
                    return (int)n;
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Libc.EINTR)
                    throw new IOException($"receive from the Runtime API failed: {Libc.ErrorText(errno)}");
            }
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            byte* p = start;
            nint left = buffer.Length;
            while (left > 0)
            {
                nint n = Libc.Send(_fd, p, left, Libc.MSG_NOSIGNAL);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR)
                        continue;
                    throw new IOException($"send to the Runtime API failed: {Libc.ErrorText(errno)}");
                }
                p += n;
                left -= n;
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() { }

    public override bool CanRead => _fd >= 0;
    public override bool CanWrite => _fd >= 0;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_fd >= 0)
        {
            Libc.Close(_fd);
            _fd = -1;
        }
        base.Dispose(disposing);
    }
}
