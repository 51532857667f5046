using System.Buffers.Binary;
using System.Net;
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
        foreach (var address in Resolve(endpoint))
        {
            if (TryConnect(address, endpoint.Port, out int fd, out lastError))
                return new SocketStream(fd);
        }
        throw new IOException(lastError ?? $"no address for {endpoint.Host}");
    }

    private static bool TryConnect(IPAddress address, int port, out int fd, out string? error)
    {
        bool v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        fd = Libc.Socket(v6 ? Libc.AF_INET6 : Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, Libc.IPPROTO_TCP);
        if (fd < 0)
        {
            error = Libc.ErrorText(Marshal.GetLastPInvokeError());
            return false;
        }
        // sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes): family in host order, port in network order.
        byte* sockaddr = stackalloc byte[28];
        new Span<byte>(sockaddr, 28).Clear();
        *(ushort*)sockaddr = (ushort)(v6 ? Libc.AF_INET6 : Libc.AF_INET);
        BinaryPrimitives.WriteUInt16BigEndian(new Span<byte>(sockaddr + 2, 2), (ushort)port);
        if (v6)
        {
            address.TryWriteBytes(new Span<byte>(sockaddr + 8, 16), out _);
            *(uint*)(sockaddr + 24) = (uint)address.ScopeId;
        }
        else
        {
            address.TryWriteBytes(new Span<byte>(sockaddr + 4, 4), out _);
        }
        int result;
        do
        {
            result = Libc.Connect(fd, sockaddr, v6 ? 28u : 16u);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR);
        if (result < 0)
        {
            error = $"{address}: {Libc.ErrorText(Marshal.GetLastPInvokeError())}";
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
    private static List<IPAddress> Resolve(RuntimeApiEndpoint endpoint)
    {
        if (IPAddress.TryParse(endpoint.Host, out var literal))
            return [literal];
        var hints = new Libc.AddrInfo { SockType = Libc.SOCK_STREAM };
        Libc.AddrInfo* list;
        int status = Libc.GetAddrInfo(endpoint.Host, null, &hints, &list);
        if (status != 0)
            throw new IOException($"cannot resolve '{endpoint.Host}': {Marshal.PtrToStringUTF8((nint)Libc.GaiStrError(status))}");
        var addresses = new List<IPAddress>();
        try
        {
            for (var info = list; info != null; info = info->Next)
            {
                if (info->Family == Libc.AF_INET)
                    addresses.Add(new IPAddress(new ReadOnlySpan<byte>(info->Addr + 4, 4)));
                else if (info->Family == Libc.AF_INET6)
                    addresses.Add(new IPAddress(new ReadOnlySpan<byte>(info->Addr + 8, 16), *(uint*)(info->Addr + 24)));
            }
        }
        finally
        {
            Libc.FreeAddrInfo(list);
        }
        addresses.Sort((a, b) => Rank(a) - Rank(b));
        return addresses;

        static int Rank(IPAddress a) => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1;
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
