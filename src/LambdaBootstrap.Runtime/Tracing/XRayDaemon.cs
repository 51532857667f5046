using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Native;

namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>
/// The X-Ray daemon at <c>AWS_XRAY_DAEMON_ADDRESS</c> (<c>host:port</c>, or <c>tcp:host:port udp:host:port</c>, of which
/// the UDP one): each segment document is one datagram, sent from one unconnected socket, on libc (or .NET's sockets in
/// portable mode). Read and opened on the first send, so a function that never traces carries none of it. Sending
/// never throws: a trace that cannot be sent is lost, the invocation goes on.
/// </summary>
internal sealed unsafe class XRayDaemon(string? address)
{
    public const string AddressVariable = "AWS_XRAY_DAEMON_ADDRESS";

    /// <summary>The largest datagram the daemon takes; a larger document is dropped.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    private static XRayDaemon? s_shared;
    private readonly Lock _lock = new();
    private bool _opened;
    private Sender? _sender;

    /// <summary>The daemon of <c>AWS_XRAY_DAEMON_ADDRESS</c>, read on first use.</summary>
    public static XRayDaemon Shared
    {
        get
        {
            if (s_shared is null)
                Interlocked.CompareExchange(ref s_shared, new XRayDaemon(Environment.GetEnvironmentVariable(AddressVariable)), null);
            return s_shared;
        }
    }

    /// <summary>Whether there is a daemon to send to.</summary>
    public bool IsConfigured { get; } = !string.IsNullOrWhiteSpace(address);

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > MaxDocumentBytes)
            return;
        try
        {
            SenderOnce()?.Send(datagram);
        }
        catch (Exception)
        {
            // Lost, as a UDP datagram may be: tracing never fails the invocation.
        }
    }

    private Sender? SenderOnce()
    {
        lock (_lock)
        {
            if (!_opened)
            {
                // Opened once: an address that does not resolve or a socket that cannot open stays lost for the process.
                _opened = true;
                if (ParseUdpEndpoint(address) is { } endpoint)
                    _sender = Portable.IsEnabled ? new ManagedSender(endpoint) : new LibcSender(endpoint);
            }
            return _sender;
        }
    }

    /// <summary>The UDP <c>host:port</c> of the variable, or null when it names none.</summary>
    internal static RuntimeApiEndpoint? ParseUdpEndpoint(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        string? chosen = null;
        foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("udp:", StringComparison.OrdinalIgnoreCase))
                chosen = part[4..];
            else if (!part.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
                chosen ??= part;
        }
        if (chosen is null)
            return null;
        try
        {
            return RuntimeApiEndpoint.Parse(chosen);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private abstract class Sender
    {
        public abstract void Send(ReadOnlySpan<byte> datagram);
    }

    private sealed class LibcSender : Sender
    {
        private readonly int _fd;
        private readonly byte[] _sockaddr = new byte[28];
        private readonly int _sockaddrLength;

        public LibcSender(RuntimeApiEndpoint endpoint)
        {
            var address = RuntimeApiResolver.Resolve(endpoint.Host)[0];
            address.Write(_sockaddr, endpoint.Port);
            _sockaddrLength = address.SockAddrLength;
            _fd = Libc.Socket(address.Family, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
            if (_fd < 0)
                throw new IOException(Libc.ErrorText(Marshal.GetLastPInvokeError()));
        }

        public override void Send(ReadOnlySpan<byte> datagram)
        {
            fixed (byte* data = datagram)
            fixed (byte* to = _sockaddr)
            {
                while (Libc.SendTo(_fd, data, datagram.Length, Libc.MSG_NOSIGNAL | Libc.MSG_DONTWAIT, to, (uint)_sockaddrLength) < 0
                       && Marshal.GetLastPInvokeError() == Libc.EINTR)
                {
                }
            }
        }
    }

    private sealed class ManagedSender : Sender
    {
        private readonly System.Net.Sockets.Socket _socket;
        private readonly System.Net.EndPoint _target;

        public ManagedSender(RuntimeApiEndpoint endpoint)
        {
            var address = System.Net.IPAddress.TryParse(endpoint.Host, out var numeric) ? numeric
                : RuntimeApiResolver.IsLocalhost(endpoint.Host) ? System.Net.IPAddress.Loopback
                : System.Net.Dns.GetHostAddresses(endpoint.Host)[0];
            _target = new System.Net.IPEndPoint(address, endpoint.Port);
            _socket = new System.Net.Sockets.Socket(address.AddressFamily, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        }

        public override void Send(ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, System.Net.Sockets.SocketFlags.None, _target);
    }
}
