using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events.WebSocket;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events.Tests;

/// <summary>WebSocket API events are routed by route key, with the connection, the message and the handshake.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class WebSocketHandlerTests
{
    private static readonly LambdaHandler Chat = LambdaHandler.WebSocket(new WebSocketRouter()
        .Map("$connect", (r, _) => r.Query["room"] is { } room
            ? WebSocketResponse.Text(200, $"joined {room} as {r.ConnectionId} via {r.ManagementEndpoint}")
            : new WebSocketResponse(403))
        .Map("$disconnect", (r, _) => WebSocketResponse.Text(200, $"left {r.ConnectionId} {r.EventType}"))
        .Map("sendMessage", (r, _) => WebSocketResponse.Text(200, $"{r.RouteKey}: {JsonDocument.Parse(r.BodyText).RootElement.GetProperty("text").GetString()}"))
        .Map("$default", (r, _) => WebSocketResponse.Text(400, "unknown action: " + r.BodyText)));

    private static async Task<(int Status, string? Body)> Send(byte[] @event)
    {
        var json = JsonDocument.Parse(await HandlerInvoker.Invoke(Chat, @event)).RootElement;
        return (json.GetProperty("statusCode").GetInt32(), json.TryGetProperty("body", out var body) ? body.GetString() : null);
    }

    [Fact]
    public async Task Connect_disconnect_and_a_custom_route_reach_their_handlers()
    {
        Assert.Equal((200, "joined general as Xy1AbcdEFiACHyQ= via https://abcdef1234.execute-api.eu-west-1.amazonaws.com/production"),
            await Send(SampleEvents.Bytes("apigateway-websocket-connect.json")));
        Assert.Equal((200, "sendMessage: hello"), await Send(SampleEvents.Bytes("apigateway-websocket-message.json")));
        Assert.Equal(200, (await Send(SampleEvents.Bytes("apigateway-websocket-disconnect.json"))).Status);
        Assert.EndsWith("DISCONNECT", (await Send(SampleEvents.Bytes("apigateway-websocket-disconnect.json"))).Body);
    }

    [Fact]
    public async Task A_route_without_a_handler_goes_to_default_and_an_unrouted_connect_is_accepted()
    {
        var message = Encoding.UTF8.GetString(SampleEvents.Bytes("apigateway-websocket-message.json")).Replace("\"sendMessage\"", "\"other\"");
        Assert.Equal((400, "unknown action: {\"action\":\"sendMessage\",\"text\":\"hello\"}"), await Send(Encoding.UTF8.GetBytes(message)));

        var bare = LambdaHandler.WebSocket(new WebSocketRouter());
        var connect = JsonDocument.Parse(await HandlerInvoker.Invoke(bare, SampleEvents.Bytes("apigateway-websocket-connect.json"))).RootElement;
        Assert.Equal(200, connect.GetProperty("statusCode").GetInt32());
        var unrouted = JsonDocument.Parse(await HandlerInvoker.Invoke(bare, SampleEvents.Bytes("apigateway-websocket-message.json"))).RootElement;
        Assert.Equal(404, unrouted.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_binary_message_is_decoded_and_an_http_event_is_refused()
    {
        string binary = Encoding.UTF8.GetString(SampleEvents.Bytes("apigateway-websocket-message.json"))
            .Replace("\"isBase64Encoded\": false", "\"isBase64Encoded\": true")
            .Replace("\"{\\\"action\\\":\\\"sendMessage\\\",\\\"text\\\":\\\"hello\\\"}\"", "\"AAH/\"");
        var handler = LambdaHandler.WebSocket((request, _) => Task.FromResult(WebSocketResponse.Text(200, Convert.ToHexString(request.Body.Span))));
        Assert.Contains("\"body\":\"0001FF\"", await HandlerInvoker.Invoke(handler, Encoding.UTF8.GetBytes(binary)));

        var error = await Assert.ThrowsAsync<RuntimeErrorException>(() => HandlerInvoker.Invoke(handler, SampleEvents.Bytes("httpapi-v2-request.json")));
        Assert.Equal(RuntimeErrorException.SerializationError, error.ErrorType);
        Assert.Contains("not a WebSocket API event", error.Message);
    }
}
