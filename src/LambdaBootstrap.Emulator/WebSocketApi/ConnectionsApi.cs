using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebSocketApi;

/// <summary>
/// The API Gateway Management API of a WebSocket API (<c>/STAGE/@connections/{id}</c>), as an AWS SDK's
/// ApiGatewayManagementApi client calls it: <c>POST</c> sends the body to the client (PostToConnection),
/// <c>GET</c> describes the connection (GetConnection), <c>DELETE</c> closes it (DeleteConnection). A connection
/// that is not there is 410 <c>GoneException</c>. Requests are not signature-checked.
/// </summary>
internal sealed class ConnectionsApi(ConcurrentDictionary<string, WebSocketConnection> connections, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context, string connectionId)
    {
        var response = context.Response;
        if (!connections.TryGetValue(connectionId, out var connection) || connection.Socket.State != WebSocketState.Open)
        {
            response.StatusCode = 410;
            response.Headers["x-amzn-ErrorType"] = "GoneException";
            response.ContentType = "application/json";
            await response.WriteAsync("""{"message":null}""");
            return;
        }
        switch (context.Request.Method)
        {
            case "POST":
                using (var body = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                    if (body.Length > WebSocketApiServer.MaxMessageBytes)
                    {
                        response.StatusCode = 413;
                        response.Headers["x-amzn-ErrorType"] = "PayloadTooLargeException";
                        return;
                    }
                    await connection.SendAsync(body.ToArray(), context.RequestAborted);
                }
                connection.LastActiveAt = time.GetUtcNow();
                response.StatusCode = 200;
                return;
            case "GET":
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await using (var json = new Utf8JsonWriter(response.Body))
                {
                    json.WriteStartObject();
                    json.WriteString("connectedAt", connection.ConnectedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteStartObject("identity");
                    json.WriteString("sourceIp", connection.SourceIp);
                    json.WriteString("userAgent", connection.UserAgent);
                    json.WriteEndObject();
                    json.WriteString("lastActiveAt", connection.LastActiveAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
                return;
            case "DELETE":
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Connection deleted", context.RequestAborted);
                response.StatusCode = 204;
                return;
            default:
                response.StatusCode = 405;
                response.Headers.Allow = "GET, POST, DELETE";
                return;
        }
    }
}
