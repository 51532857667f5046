using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Tracing;

namespace RuntimeTests.Tracing;

/// <summary>
/// A stand-in X-Ray daemon: one UDP socket on loopback for the whole test run, named by AWS_XRAY_DAEMON_ADDRESS (the
/// runtime reads the variable once per process). Each datagram must be the daemon's header line and one JSON
/// document; tests take the documents of their own trace id, so tests can share it.
/// </summary>
internal sealed class XRayDaemonListener
{
    private static readonly Lazy<XRayDaemonListener> s_shared = new(() => new XRayDaemonListener());
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentDictionary<string, BlockingCollection<JsonElement>> _byTrace = new();

    public static XRayDaemonListener Shared => s_shared.Value;

    private XRayDaemonListener()
    {
        Environment.SetEnvironmentVariable(XRayDaemon.AddressVariable, $"127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}");
        _ = Task.Run(ReceiveForever);
    }

    /// <summary>Header lines that were not the daemon protocol's, if any: a test checks there are none.</summary>
    public ConcurrentQueue<string> BadDatagrams { get; } = new();

    private async Task ReceiveForever()
    {
        while (true)
        {
            var datagram = await _socket.ReceiveAsync();
            string text = Encoding.UTF8.GetString(datagram.Buffer);
            int newline = text.IndexOf('\n');
            if (newline < 0 || text[..newline] != "{\"format\":\"json\",\"version\":1}")
            {
                BadDatagrams.Enqueue(text);
                continue;
            }
            var document = JsonDocument.Parse(text[(newline + 1)..]).RootElement.Clone();
            Documents(document.GetProperty("trace_id").GetString()!).Add(document);
        }
    }

    private BlockingCollection<JsonElement> Documents(string traceId) => _byTrace.GetOrAdd(traceId, _ => []);

    /// <summary>Waits for the next document of <paramref name="traceId"/>.</summary>
    public JsonElement Next(string traceId)
    {
        if (!Documents(traceId).TryTake(out var document, Bootstrap.TestSupport.Patience.Default))
            throw new TimeoutException($"no segment of trace {traceId} reached the daemon");
        return document;
    }

    /// <summary>The documents of <paramref name="traceId"/> received so far, without waiting.</summary>
    public JsonElement[] Received(string traceId) => [.. Documents(traceId)];

    /// <summary>A trace id of X-Ray's form, new each time.</summary>
    public static string NewTraceId() =>
        $"1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..24]}";
}
