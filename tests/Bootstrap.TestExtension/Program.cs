using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Extensions;

// Registers under its file name, subscribes to every telemetry stream, and says on stdout what it gets.
string name = Path.GetFileName(Environment.ProcessPath ?? "csharp-telemetry");
void Say(string text) => Console.Out.WriteLine($"{name}: {text}");

using var client = ExtensionClient.Register(name, ExtensionEventTypes.Invoke | ExtensionEventTypes.Shutdown);
Say($"registered for {client.FunctionName} {client.FunctionVersion} handler {client.Handler}");

var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var telemetry = new TelemetryListener(listener, Say);
_ = Task.Run(telemetry.AcceptAsync);
client.SubscribeTelemetry($"http://sandbox.localdomain:{((IPEndPoint)listener.LocalEndpoint).Port}/", TelemetryStreams.Platform | TelemetryStreams.Function | TelemetryStreams.Extension, timeoutMs: 25);
Say("subscribed");

while (true)
{
    var next = client.NextEvent();
    if (next.EventType == ExtensionEventTypes.Invoke)
    {
        Say($"event INVOKE {next.RequestId} {next.InvokedFunctionArn}");
        continue;
    }
    Say($"event SHUTDOWN {next.ShutdownReason}");
    return 0;
}

/// <summary>The extension's telemetry listener: plain HTTP/1.1 POSTs of JSON arrays, each answered 200.</summary>
internal sealed class TelemetryListener(TcpListener listener, Action<string> say)
{
    private int _extensionLineSeen;

    public async Task AcceptAsync()
    {
        while (true)
        {
            var connection = await listener.AcceptTcpClientAsync();
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using var _ = connection;
        var stream = connection.GetStream();
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
            {
                int read = await stream.ReadAsync(chunk);
                if (read == 0)
                    return;
                buffer.Write(chunk, 0, read);
            }
            string head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headEnd);
            int length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(l => int.Parse(l["Content-Length:".Length..].Trim())).FirstOrDefault();
            while (buffer.Length < headEnd + 4 + length)
            {
                int read = await stream.ReadAsync(chunk);
                if (read == 0)
                    return;
                buffer.Write(chunk, 0, read);
            }
            var body = buffer.GetBuffer().AsMemory(headEnd + 4, length).ToArray();
            var rest = buffer.GetBuffer().AsSpan(headEnd + 4 + length, (int)buffer.Length - headEnd - 4 - length).ToArray();
            buffer.SetLength(0);
            buffer.Write(rest);
            Report(body);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        }
    }

    private void Report(byte[] body)
    {
        using var events = JsonDocument.Parse(body);
        foreach (var item in events.RootElement.EnumerateArray())
        {
            string type = item.GetProperty("type").GetString() ?? "";
            var record = item.GetProperty("record");
            if (type.StartsWith("platform.", StringComparison.Ordinal))
                say($"telemetry {type} {(record.ValueKind == JsonValueKind.Object && record.TryGetProperty("requestId", out var id) ? id.GetString() : "-")}");
            else if (type == "function")
                say($"telemetry function {record.GetString()}");
            // Its own lines come back on the extension stream: said once, or each saying would bring another.
            else if (type == "extension" && record.GetString()!.Contains("registered for", StringComparison.Ordinal) && Interlocked.Exchange(ref _extensionLineSeen, 1) == 0)
                say("telemetry extension line seen");
        }
    }

    private static int IndexOfHeadEnd(MemoryStream buffer) => buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\r\n\r\n"u8);
}
