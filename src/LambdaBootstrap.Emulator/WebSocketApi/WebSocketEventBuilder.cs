using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebSocketApi;

/// <summary>
/// The events a WebSocket API sends its functions: <c>CONNECT</c> (with the upgrade request's headers and query),
/// <c>MESSAGE</c> (with the message as the body) and <c>DISCONNECT</c> (with the close status and reason), each with
/// the request context AWS fills in: route key, event type, connection id, stage, domain name, API id, times.
/// </summary>
internal static class WebSocketEventBuilder
{
    /// <summary>Where the event comes from: the API, its stage and the domain its management API is reached at.</summary>
    public sealed record Origin(string ApiId, string Stage, string DomainName);

    public static byte[] Connect(Origin origin, WebSocketConnection connection, HttpRequest request, string requestId, DateTimeOffset now) =>
        Write(json =>
        {
            var headers = request.Headers.Select(h => (h.Key, Values: h.Value.Select(v => v ?? "").ToArray())).ToList();
            var query = request.Query.Select(q => (q.Key, Values: q.Value.Select(v => v ?? "").ToArray())).ToList();
            WriteMaps(json, "headers", "multiValueHeaders", headers);
            WriteMaps(json, "queryStringParameters", "multiValueQueryStringParameters", query);
            WriteContext(json, origin, connection, "$connect", "CONNECT", requestId, now, null);
            json.WriteBoolean("isBase64Encoded", false);
        });

    public static byte[] Message(Origin origin, WebSocketConnection connection, string routeKey, byte[] message, bool binary, string requestId,
        DateTimeOffset now) =>
        Write(json =>
        {
            WriteContext(json, origin, connection, routeKey, "MESSAGE", requestId, now, context => context.WriteString("messageId", requestId));
            if (binary)
                json.WriteBase64String("body", message);
            else
                json.WriteString("body", Encoding.UTF8.GetString(message));
            json.WriteBoolean("isBase64Encoded", binary);
        });

    public static byte[] Disconnect(Origin origin, WebSocketConnection connection, int statusCode, string reason, string requestId, DateTimeOffset now) =>
        Write(json =>
        {
            WriteMaps(json, "headers", "multiValueHeaders", [("Host", [origin.DomainName])]);
            WriteContext(json, origin, connection, "$disconnect", "DISCONNECT", requestId, now, context =>
            {
                context.WriteNumber("disconnectStatusCode", statusCode);
                context.WriteString("disconnectReason", reason);
            });
            json.WriteBoolean("isBase64Encoded", false);
        });

    private static void WriteContext(Utf8JsonWriter json, Origin origin, WebSocketConnection connection, string routeKey, string eventType,
        string requestId, DateTimeOffset now, Action<Utf8JsonWriter>? more)
    {
        json.WriteStartObject("requestContext");
        json.WriteString("routeKey", routeKey);
        json.WriteString("eventType", eventType);
        json.WriteString("extendedRequestId", requestId);
        json.WriteString("requestTime", now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        json.WriteString("messageDirection", "IN");
        json.WriteString("stage", origin.Stage);
        json.WriteNumber("connectedAt", connection.ConnectedAt.ToUnixTimeMilliseconds());
        json.WriteNumber("requestTimeEpoch", now.ToUnixTimeMilliseconds());
        json.WriteStartObject("identity");
        json.WriteString("sourceIp", connection.SourceIp);
        json.WriteString("userAgent", connection.UserAgent);
        json.WriteEndObject();
        json.WriteString("requestId", requestId);
        json.WriteString("domainName", origin.DomainName);
        json.WriteString("connectionId", connection.Id);
        json.WriteString("apiId", origin.ApiId);
        more?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteMaps(Utf8JsonWriter json, string single, string multi, IReadOnlyList<(string Name, string[] Values)> values)
    {
        if (values.Count == 0)
        {
            json.WriteNull(single);
            json.WriteNull(multi);
            return;
        }
        json.WriteStartObject(single);
        foreach (var (name, all) in values)
            json.WriteString(name, all.LastOrDefault());
        json.WriteEndObject();
        json.WriteStartObject(multi);
        foreach (var (name, all) in values)
        {
            json.WriteStartArray(name);
            foreach (string value in all)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
