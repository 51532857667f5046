using System.Text;

namespace LambdaBootstrap.Events.WebSocket;

/// <summary>
/// What a WebSocket route's integration returns. For <c>$connect</c>, a status outside 2xx refuses the connection; for
/// other routes the body reaches the client only where the route has a route response.
/// </summary>
public sealed class WebSocketResponse
{
    /// <summary>A response with <paramref name="statusCode"/> and no body.</summary>
    public WebSocketResponse(int statusCode = 200) => StatusCode = statusCode;

    /// <summary>The status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>The body, as text.</summary>
    public string? Body { get; set; }

    /// <summary>200, no body: accept the connection or the message.</summary>
    public static WebSocketResponse Ok() => new(200);

    /// <summary>A response with a text body.</summary>
    public static WebSocketResponse Text(int statusCode, string body) => new(statusCode) { Body = body };

    internal static byte[] Write(WebSocketResponse response)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + Encoding.UTF8.GetMaxByteCount(response.Body?.Length ?? 0));
        var json = new LambdaBootstrap.Runtime.Json.LambdaJsonWriter(buffer);
        json.WriteStartObject();
        json.WritePropertyName("statusCode"u8);
        json.WriteNumberValue(response.StatusCode);
        if (response.Body is not null)
        {
            json.WritePropertyName("body"u8);
            json.WriteStringValue(response.Body);
        }
        json.WriteEndObject();
        return buffer.WrittenSpan.ToArray();
    }
}
