using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events.WebSocket;
using LambdaBootstrap.Runtime;

namespace Chat;

/// <summary>
/// The chat's three routes: <c>$connect</c> keeps the connection, <c>$disconnect</c> forgets it, and
/// <c>sendmessage</c> (<c>{"action":"sendmessage","message":"..."}</c>) posts the message to every other connection
/// through the API's <c>@connections</c> endpoint, forgetting those that are gone.
/// </summary>
public sealed class ChatHandlers(ConnectionStore store, ConnectionsClient connections)
{
    public async Task<WebSocketResponse> ConnectAsync(WebSocketRequest request, ILambdaContext context)
    {
        await store.AddAsync(request.ConnectionId);
        return WebSocketResponse.Ok();
    }

    public async Task<WebSocketResponse> DisconnectAsync(WebSocketRequest request, ILambdaContext context)
    {
        await store.RemoveAsync(request.ConnectionId);
        return WebSocketResponse.Ok();
    }

    public async Task<WebSocketResponse> SendMessageAsync(WebSocketRequest request, ILambdaContext context)
    {
        if (MessageOf(request.Body) is not { } message)
            return WebSocketResponse.Text(400, "a message is {\"action\":\"sendmessage\",\"message\":\"...\"}");
        var endpoint = ConnectionsClient.EndpointOf(request);
        byte[] data = Encoding.UTF8.GetBytes(message);
        foreach (string connection in await store.ListAsync())
        {
            if (connection == request.ConnectionId)
                continue;
            if (!await connections.PostAsync(endpoint, connection, data, context.CancellationToken))
                await store.RemoveAsync(connection); // gone: it left without a $disconnect reaching us
        }
        return WebSocketResponse.Ok();
    }

    private static string? MessageOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
