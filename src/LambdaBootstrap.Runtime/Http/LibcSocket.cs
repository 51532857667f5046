using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Native;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>The Runtime API connection straight on libc, the default on Linux. Writes never raise SIGPIPE.</summary>
internal sealed unsafe class LibcSocket : RuntimeApiSocket
{
    private int _fd;

    private LibcSocket(int fd) => _fd = fd;

    public static new LibcSocket Connect(RuntimeApiEndpoint endpoint)
    {
        string? lastError = null;
        foreach (var address in RuntimeApiResolver.Resolve(endpoint.Host))
        {
            if (TryConnect(address, endpoint.Port, out int fd, out lastError))
                return new LibcSocket(fd);
        }
        throw new IOException(lastError ?? $"no address for {endpoint.Host}");
    }

    private static bool TryConnect(PeerAddress address, int port, out int fd, out string? error)
    {
        fd = Libc.Socket(address.Family, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, Libc.IPPROTO_TCP);
        if (fd < 0)
        {
            error = Libc.ErrorText(Marshal.GetLastPInvokeError());
            return false;
        }
        byte* sockaddr = stackalloc byte[28];
        address.Write(new Span<byte>(sockaddr, 28), port);
        int result;
        do
        {
            result = Libc.Connect(fd, sockaddr, (uint)address.SockAddrLength);
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

    public override bool PeerHasClosed()
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

    public override bool CanRead => _fd >= 0;
    public override bool CanWrite => _fd >= 0;

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
