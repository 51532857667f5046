using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events;
using LambdaBootstrap.Runtime;

namespace Chat;

/// <summary>
/// The chat's three routes: <c>$connect</c> keeps the connection, <c>$disconnect</c> forgets it, and
/// <c>sendmessage</c> (<c>{"action":"sendmessage","message":"..."}</c>) posts the message to every other connection
/// through the API's <c>@connections</c> endpoint, forgetting those that are gone.
/// </summary>
public sealed class ChatHandlers(ConnectionStore store, ConnectionsClient connections)
{
    private static readonly APIGatewayProxyResponse Ok = new() { StatusCode = 200 };

    public async Task<APIGatewayProxyResponse> ConnectAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        await store.AddAsync(ConnectionId(request));
        return Ok;
    }

    public async Task<APIGatewayProxyResponse> DisconnectAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        await store.RemoveAsync(ConnectionId(request));
        return Ok;
    }

    public async Task<APIGatewayProxyResponse> SendMessageAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        string sender = ConnectionId(request);
        if (MessageOf(request.Body) is not { } message)
            return new APIGatewayProxyResponse { StatusCode = 400, Body = "a message is {\"action\":\"sendmessage\",\"message\":\"...\"}" };
        var endpoint = ConnectionsClient.EndpointOf(request.RequestContext!);
        byte[] data = Encoding.UTF8.GetBytes(message);
        foreach (string connection in await store.ListAsync())
        {
            if (connection == sender)
                continue;
            if (!await connections.PostAsync(endpoint, connection, data, context.CancellationToken))
                await store.RemoveAsync(connection); // gone: it left without a $disconnect reaching us
        }
        return Ok;
    }

    private static string ConnectionId(APIGatewayProxyRequest request) =>
        request.RequestContext?.ConnectionId ?? throw new InvalidOperationException("not a WebSocket API event: no requestContext.connectionId");

    private static string? MessageOf(string? body)
    {
        if (body is null)
            return null;
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
