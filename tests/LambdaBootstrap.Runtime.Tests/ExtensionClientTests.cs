using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bootstrap.TestSupport.RawHttp;
using LambdaBootstrap.Runtime.Extensions;
using LambdaBootstrap.Runtime.Http;

namespace RuntimeTests;

/// <summary>The Extensions API client against a scripted API: what it sends, and what it makes of the answers.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ExtensionClientTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<RawRequest> _received = new();
    private readonly ConcurrentQueue<string> _events = new();
    private int _registerStatus = 200;

    public ExtensionClientTests()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    private RuntimeApiEndpoint Endpoint => new("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port);

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using var _ = connection;
        var stream = connection.GetStream();
        var reader = new RawHttpReader(stream);
        while (await reader.ReadRequestAsync() is { } request)
        {
            _received.Enqueue(request);
            var (status, headers, body) = request.Path switch
            {
                "/2020-01-01/extension/register" when _registerStatus != 200 => (_registerStatus, "", "{\"errorMessage\":\"closed\",\"errorType\":\"Extension.RegistrationClosed\"}"),
                "/2020-01-01/extension/register" => (200, "Lambda-Extension-Identifier: ext-1\r\n", "{\"functionName\":\"fn\",\"functionVersion\":\"$LATEST\",\"handler\":\"greet\"}"),
                "/2020-01-01/extension/event/next" => (200, "Lambda-Extension-Identifier: ext-1\r\n", _events.TryDequeue(out string? next) ? next : "{}"),
                "/2022-07-01/telemetry" => (200, "", "\"OK\""),
                _ => (202, "", "{\"status\":\"OK\"}"),
            };
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{headers}Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n"));
            await stream.WriteAsync(bytes);
        }
    }

    public void Dispose() => _listener.Stop();

    [Fact]
    public void It_registers_under_its_name_for_its_events_and_reads_the_function_it_joins()
    {
        using var client = ExtensionClient.Register("my-extension", ExtensionEventTypes.Invoke | ExtensionEventTypes.Shutdown, Endpoint);
        Assert.Equal("ext-1", client.Identifier);
        Assert.Equal(("fn", "$LATEST", "greet"), (client.FunctionName, client.FunctionVersion, client.Handler));
        var register = Assert.Single(_received);
        Assert.Equal("POST", register.Method);
        Assert.Equal("my-extension", register.Header("Lambda-Extension-Name"));
        Assert.Equal("{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}", register.BodyText);
    }

    [Fact]
    public void A_refused_registration_throws_with_the_status()
    {
        _registerStatus = 403;
        var refused = Assert.Throws<ExtensionApiException>(() => ExtensionClient.Register("late", ExtensionEventTypes.None, Endpoint));
        Assert.Equal(403, refused.StatusCode);
        Assert.Contains("Extension.RegistrationClosed", refused.Message);
    }

    [Fact]
    public void Next_event_reads_INVOKE_and_SHUTDOWN_as_documented()
    {
        _events.Enqueue("{\"eventType\":\"INVOKE\",\"deadlineMs\":1700000000123,\"requestId\":\"r-1\",\"invokedFunctionArn\":\"arn:aws:lambda:us-east-1:1:function:fn\","
            + "\"tracing\":{\"type\":\"X-Amzn-Trace-Id\",\"value\":\"Root=1-5f35ae12-0c0fec141ab77a00bc047aa2;Parent=2be948a625588e32;Sampled=1\"}}");
        _events.Enqueue("{\"eventType\":\"SHUTDOWN\",\"shutdownReason\":\"timeout\",\"deadlineMs\":1700000002000}");
        using var client = ExtensionClient.Register("ext", ExtensionEventTypes.Invoke | ExtensionEventTypes.Shutdown, Endpoint);

        var invoke = client.NextEvent();
        Assert.Equal(ExtensionEventTypes.Invoke, invoke.EventType);
        Assert.Equal(1700000000123, invoke.DeadlineMs);
        Assert.Equal("r-1", invoke.RequestId);
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:fn", invoke.InvokedFunctionArn);
        Assert.Equal("Root=1-5f35ae12-0c0fec141ab77a00bc047aa2;Parent=2be948a625588e32;Sampled=1", invoke.TraceId);
        var shutdown = client.NextEvent();
        Assert.Equal(ExtensionEventTypes.Shutdown, shutdown.EventType);
        Assert.Equal("timeout", shutdown.ShutdownReason);
        Assert.Equal(1700000002000, shutdown.DeadlineMs);
        Assert.All(_received.Where(r => r.Path.EndsWith("/next", StringComparison.Ordinal)), r => Assert.Equal("ext-1", r.Header("Lambda-Extension-Identifier")));
    }

    [Fact]
    public void It_subscribes_to_telemetry_and_reports_errors_with_their_type()
    {
        using var client = ExtensionClient.Register("ext", ExtensionEventTypes.Invoke, Endpoint);
        client.SubscribeTelemetry("http://sandbox.localdomain:4243/", TelemetryStreams.Platform | TelemetryStreams.Extension, timeoutMs: 25);
        client.ReportExitError("Extension.Broken", "it broke");

        var subscribe = _received.Single(r => r.Path == "/2022-07-01/telemetry");
        Assert.Equal("PUT", subscribe.Method);
        Assert.Equal("ext-1", subscribe.Header("Lambda-Extension-Identifier"));
        using var body = JsonDocument.Parse(subscribe.Body);
        Assert.Equal("2022-12-13", body.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(["platform", "extension"], body.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(25, body.RootElement.GetProperty("buffering").GetProperty("timeoutMs").GetInt32());
        Assert.Equal(1000, body.RootElement.GetProperty("buffering").GetProperty("maxItems").GetInt32());
        Assert.Equal("HTTP", body.RootElement.GetProperty("destination").GetProperty("protocol").GetString());
        Assert.Equal("http://sandbox.localdomain:4243/", body.RootElement.GetProperty("destination").GetProperty("URI").GetString());

        var error = _received.Single(r => r.Path == "/2020-01-01/extension/exit/error");
        Assert.Equal("Extension.Broken", error.Header("Lambda-Extension-Function-Error-Type"));
        using var report = JsonDocument.Parse(error.Body);
        Assert.Equal("it broke", report.RootElement.GetProperty("errorMessage").GetString());
    }
}
