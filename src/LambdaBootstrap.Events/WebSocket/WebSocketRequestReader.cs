using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.WebSocket;

/// <summary>Reads a WebSocket API event (one with <c>requestContext.connectionId</c>) with the HTTP model's parser.</summary>
internal static class WebSocketRequestReader
{
    public static WebSocketRequest Read(ReadOnlyMemory<byte> @event)
    {
        HttpEventFields e;
        try
        {
            e = HttpEventParser.Parse(@event.Span);
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            throw NotWebSocket(error.Message, error);
        }
        if (e.ConnectionId is null || e.RouteKey is null)
            throw NotWebSocket("it has no requestContext.connectionId and routeKey", null);
        return new WebSocketRequest
        {
            ConnectionId = e.ConnectionId,
            RouteKey = e.RouteKey,
            EventType = e.EventType ?? "",
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            Headers = HttpRequestReader.MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false),
            Query = HttpRequestReader.MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: false),
            Stage = e.Stage,
            DomainName = e.DomainName,
            RequestId = e.RequestId,
            SourceIp = e.IdentitySourceIp,
            RequestTime = e.RequestTimeEpoch is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            AuthorizerJson = @event[e.AuthorizerJson],
            RawEvent = @event,
        };
    }

    private static RuntimeErrorException NotWebSocket(string why, Exception? inner) =>
        new(RuntimeErrorException.SerializationError, $"The event is not a WebSocket API event: {why}.", inner);
}
