using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Templates;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebSocketApi;

/// <summary>
/// A template's WebSocket API on its own port, as API Gateway serves it at <c>wss://.../STAGE</c>: an upgrade to
/// <c>ws://127.0.0.1:PORT/STAGE</c> invokes the <c>$connect</c> route's function (a non-2xx answer or an error
/// refuses the connection); each message goes to the route its route selection expression picks, or to
/// <c>$default</c> (with neither, the client gets API Gateway's <c>Forbidden</c> message); a close invokes
/// <c>$disconnect</c>. The <c>@connections</c> management API (<see cref="ConnectionsApi"/>) is on the same port under
/// the stage, so a function can post to a client through an AWS SDK pointed at it. A function's answer to a message
/// is not sent back (no route responses): functions talk to clients through <c>@connections</c>.
/// </summary>
internal sealed class WebSocketApiServer : IAsyncDisposable
{
    /// <summary>API Gateway's message size limit for WebSocket APIs.</summary>
    public const int MaxMessageBytes = 128 * 1024;

    private readonly WebSocketApiDefinition _api;
    private readonly IReadOnlyDictionary<string, LocalFunction> _functions;
    private readonly TimeProvider _time;
    private readonly Action<string, bool> _output;
    private readonly ConcurrentDictionary<string, WebSocketConnection> _connections = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer _host = null!;
    private ConnectionsApi _management = null!;

    private WebSocketApiServer(WebSocketApiDefinition api, IReadOnlyDictionary<string, LocalFunction> functions, TimeProvider time, Action<string, bool> output)
    {
        _api = api;
        _functions = functions;
        _time = time;
        _output = output;
    }

    public int Port => _host.Port;
    public WebSocketApiDefinition Api => _api;
    /// <summary>Where clients connect.</summary>
    public string Url => $"ws://127.0.0.1:{Port}/{_api.StageName}";
    /// <summary>The management API's endpoint, for an AWS SDK's ApiGatewayManagementApi client.</summary>
    public string ConnectionsEndpoint => $"http://127.0.0.1:{Port}/{_api.StageName}";

    public static async Task<WebSocketApiServer> StartAsync(WebSocketApiDefinition api, IReadOnlyDictionary<string, LocalFunction> functions, int port,
        TimeProvider time, Action<string, bool> output)
    {
        var server = new WebSocketApiServer(api, functions, time, output);
        server._management = new ConnectionsApi(server._connections, time);
        server._host = await LoopbackServer.StartAsync(port, limits => limits.MaxRequestBodySize = MaxMessageBytes + 1, server.HandleAsync, webSockets: true);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        string stage = "/" + _api.StageName;
        string connections = stage + "/@connections/";
        if (path.StartsWith(connections, StringComparison.Ordinal))
            await _management.HandleAsync(context, Uri.UnescapeDataString(path[connections.Length..]));
        else if ((path == stage || path == stage + "/") && context.WebSockets.IsWebSocketRequest)
            await ConnectAsync(context);
        else
            await AnswerAsync(context, 404, """{"message":"Not Found"}""");
    }

    private WebSocketEventBuilder.Origin OriginOf(HttpContext context) =>
        new(_api.LogicalId, _api.StageName, context.Request.Host.HasValue ? context.Request.Host.Value! : $"127.0.0.1:{Port}");

    private async Task ConnectAsync(HttpContext context)
    {
        var origin = OriginOf(context);
        var connection = new WebSocketConnection(context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1", context.Request.Headers.UserAgent.ToString(),
            _time.GetUtcNow());
        if (_api.Routes.TryGetValue(WebSocketApiDefinition.Connect, out string? connectFunction))
        {
            string requestId = Guid.NewGuid().ToString();
            var result = await InvokeAsync(connectFunction, WebSocketEventBuilder.Connect(origin, connection, context.Request, requestId, _time.GetUtcNow()));
            if (Refusal(result) is { } status)
            {
                _output($"emulator: websocket {_api.LogicalId}: $connect refused the connection: {status}", true);
                await AnswerAsync(context, status, status == 500 ? """{"message":"Internal server error"}""" : """{"message":"Forbidden"}""");
                return;
            }
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        connection.Socket = socket;
        _connections[connection.Id] = connection;
        var (code, reason) = await ReceiveAsync(origin, connection);
        _connections.TryRemove(connection.Id, out _);
        if (_api.Routes.TryGetValue(WebSocketApiDefinition.Disconnect, out string? disconnectFunction))
        {
            string requestId = Guid.NewGuid().ToString();
            await InvokeAsync(disconnectFunction, WebSocketEventBuilder.Disconnect(origin, connection, code, reason, requestId, _time.GetUtcNow()));
        }
    }

    /// <summary>The status that refuses a connection: a $connect error (500) or answer outside 2xx; null to let it in.</summary>
    private static int? Refusal(InvokeResult? result)
    {
        if (result is null || result.Outcome.IsError)
            return 500;
        try
        {
            using var answer = JsonDocument.Parse(result.Outcome.Body);
            if (answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("statusCode", out var status)
                && status.TryGetInt32(out int code) && code is < 200 or > 299)
                return code;
        }
        catch (JsonException)
        {
        }
        return null;
    }

    /// <summary>Serves the connection's messages until it closes; returns the close status and reason.</summary>
    private async Task<(int Code, string Reason)> ReceiveAsync(WebSocketEventBuilder.Origin origin, WebSocketConnection connection)
    {
        var socket = connection.Socket;
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, _stopping.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        if (socket.State == WebSocketState.CloseReceived)
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return received.CloseStatus is { } status
                            ? ((int)status, string.IsNullOrEmpty(received.CloseStatusDescription) ? "Client-side close frame status set" : received.CloseStatusDescription)
                            : (1005, "Client-side close frame status not set");
                    }
                    message.Write(buffer, 0, received.Count);
                    if (message.Length > MaxMessageBytes)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", CancellationToken.None);
                        return (1009, "Message too big");
                    }
                }
                while (!received.EndOfMessage);
                connection.LastActiveAt = _time.GetUtcNow();
                await RouteAsync(origin, connection, message.ToArray(), received.MessageType == WebSocketMessageType.Binary);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            return socket.CloseStatus is { } status ? ((int)status, socket.CloseStatusDescription ?? "") : (1006, "Going away");
        }
    }

    private async Task RouteAsync(WebSocketEventBuilder.Origin origin, WebSocketConnection connection, byte[] message, bool binary)
    {
        string requestId = Guid.NewGuid().ToString();
        string? key = binary ? null : RouteSelection.Select(_api.RouteSelectionExpression, message);
        if (key is null || !_api.Routes.ContainsKey(key) || key.StartsWith('$'))
            key = WebSocketApiDefinition.Default;
        if (!_api.Routes.TryGetValue(key, out string? function))
        {
            await TellAsync(connection, "Forbidden", requestId);
            return;
        }
        var result = await InvokeAsync(function, WebSocketEventBuilder.Message(origin, connection, key, message, binary, requestId, _time.GetUtcNow()));
        if (result is null || result.Outcome.IsError)
        {
            _output($"emulator: websocket {_api.LogicalId}: route {key} failed: {result?.Outcome.ErrorType}: {result?.Outcome.ErrorMessage}", true);
            await TellAsync(connection, "Internal server error", requestId);
        }
    }

    /// <summary>API Gateway's own message to a client: <c>{"message", "connectionId", "requestId"}</c>.</summary>
    private static async Task TellAsync(WebSocketConnection connection, string message, string requestId)
    {
        byte[] json = Encoding.UTF8.GetBytes($$"""{"message": "{{message}}", "connectionId":"{{connection.Id}}", "requestId":"{{requestId}}"}""");
        await connection.SendAsync(json, CancellationToken.None);
    }

    private async Task<InvokeResult?> InvokeAsync(string function, byte[] payload)
    {
        try
        {
            return await _functions[function].StartInvoke(payload).Result;
        }
        catch (QueueFullException e)
        {
            _output($"emulator: websocket {_api.LogicalId}: {function}: {e.Message}", true);
            return null;
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _host.DisposeAsync();
        _stopping.Dispose();
    }
}
