using System.Net;
using System.Net.Sockets;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// The Runtime API connection on .NET's sockets, for portable mode (<see cref="Portable"/>): the same blocking calls,
/// errors and idle-close check as <see cref="LibcSocket"/>, on any OS .NET runs on.
/// </summary>
internal sealed class ManagedSocket : RuntimeApiSocket
{
    private Socket? _socket;

    private ManagedSocket(Socket socket) => _socket = socket;

    public static new ManagedSocket Connect(RuntimeApiEndpoint endpoint)
    {
        string? lastError = null;
        foreach (var address in Addresses(endpoint.Host))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Connect(new IPEndPoint(address, endpoint.Port));
                return new ManagedSocket(socket);
            }
            catch (SocketException e)
            {
                lastError = $"{address}: {e.Message}";
                socket.Dispose();
            }
        }
        throw new IOException(lastError ?? $"no address for {endpoint.Host}");
    }

    /// <summary>IPv4 first, as <see cref="RuntimeApiResolver"/> orders them; localhost is the loopback without a lookup.</summary>
    private static IEnumerable<IPAddress> Addresses(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var numeric))
            return [numeric];
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        try
        {
            return Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1);
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot resolve '{host}': {e.Message}");
        }
    }

    public override bool PeerHasClosed()
    {
        try
        {
            // Readable with nothing to read: the peer sent its FIN (or a reset, which Available then reports).
            return _socket is null || (_socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0);
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Open.Receive(buffer, SocketFlags.None);
        }
        catch (SocketException e)
        {
            throw new IOException($"receive from the Runtime API failed: {e.Message}", e);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
                buffer = buffer[Open.Send(buffer, SocketFlags.None)..];
        }
        catch (SocketException e)
        {
            throw new IOException($"send to the Runtime API failed: {e.Message}", e);
        }
    }

    private Socket Open => _socket ?? throw new ObjectDisposedException(nameof(ManagedSocket));

    public override bool CanRead => _socket is not null;
    public override bool CanWrite => _socket is not null;

    protected override void Dispose(bool disposing)
    {
        _socket?.Dispose();
        _socket = null;
        base.Dispose(disposing);
    }
}
