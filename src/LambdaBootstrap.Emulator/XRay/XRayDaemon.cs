using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaBootstrap.Emulator.XRay;

/// <summary>
/// The X-Ray daemon's side of its UDP protocol, on 127.0.0.1: each datagram is the header line
/// <c>{"format":"json","version":1}</c>, then one segment or subsegment document. A datagram in any other shape is
/// counted in <see cref="Rejected"/> and dropped, as the daemon drops it.
/// </summary>
internal sealed class XRayDaemon : IAsyncDisposable
{
    public const string HeaderLine = """{"format":"json","version":1}""";
    // The X-Ray daemon's largest datagram: a segment document may be up to 64 KB.
    private const int MaxDatagram = 65_535;
    // A real datagram starts with the header's '{': this one is the emulator's own catch-up marker.
    private const byte CatchUpMark = 0;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _catchUps = new();
    private readonly Task _loop;
    private long _nextCatchUp;
    private int _rejected;

    private XRayDaemon(Socket socket)
    {
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }
    /// <summary>What the function gets as <c>AWS_XRAY_DAEMON_ADDRESS</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";
    /// <summary>Datagrams dropped for not being in the daemon's protocol.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Each document received, on the daemon's own thread: a handler must be quick and must not throw.</summary>
    public event Action<JsonObject>? DocumentReceived;

    /// <summary>Listens on a free port of 127.0.0.1.</summary>
    public static XRayDaemon Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new XRayDaemon(socket);
    }

    /// <summary>The environment a function gets to find this daemon, as Lambda sets it.</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        new("AWS_XRAY_DAEMON_ADDRESS", Address),
        new("_AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1"),
        new("_AWS_XRAY_DAEMON_PORT", Port.ToString()),
    ];

    /// <summary>
    /// Completes once every datagram that reached the socket before this call has been handled: a marker is sent
    /// to the socket itself, and loopback keeps one socket's datagrams in order.
    /// </summary>
    public async Task CatchUpAsync()
    {
        long id = Interlocked.Increment(ref _nextCatchUp);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _catchUps[id] = done;
        byte[] marker = [CatchUpMark, .. BitConverter.GetBytes(id)];
        try
        {
            await _socket.SendToAsync(marker, SocketFlags.None, _socket.LocalEndPoint!);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or TimeoutException)
        {
            // A trace without its last subsegments beats an invocation held up.
        }
        finally
        {
            _catchUps.TryRemove(id, out _);
        }
    }

    private async Task ReceiveAsync()
    {
        byte[] buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                    return;
                continue;
            }
            Handle(buffer.AsSpan(0, received.ReceivedBytes));
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram)
    {
        if (datagram is [CatchUpMark, ..] && datagram.Length == 1 + sizeof(long))
        {
            if (_catchUps.TryGetValue(BitConverter.ToInt64(datagram[1..]), out var done))
                done.TrySetResult();
            return;
        }
        if (Parse(datagram) is { } document)
            DocumentReceived?.Invoke(document);
        else
            Interlocked.Increment(ref _rejected);
    }

    /// <summary>The document of a datagram in the daemon's protocol; null for anything else.</summary>
    internal static JsonObject? Parse(ReadOnlySpan<byte> datagram)
    {
        int newline = datagram.IndexOf((byte)'\n');
        if (newline < 0 || !IsHeader(datagram[..newline]))
            return null;
        try
        {
            return JsonNode.Parse(datagram[(newline + 1)..]) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The header is compared as JSON, not as text: spacing may differ between senders.
    private static bool IsHeader(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject header
                && header["format"] is JsonValue format && format.TryGetValue(out string? name) && name == "json"
                && header["version"] is JsonValue version && version.TryGetValue(out int number) && number == 1;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
