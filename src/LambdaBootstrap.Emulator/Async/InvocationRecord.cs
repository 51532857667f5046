using System.Text.Json;

namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// Lambda's invocation record of an asynchronous event, as its destinations receive it: <c>version</c>,
/// <c>timestamp</c>, <c>requestContext</c> (<c>requestId</c>, <c>functionArn</c>, <c>condition</c>,
/// <c>approximateInvokeCount</c>), <c>requestPayload</c>, <c>responseContext</c> (<c>statusCode</c>,
/// <c>executedVersion</c>, and <c>functionError</c> after an error) and <c>responsePayload</c>.
/// </summary>
internal static class InvocationRecord
{
    public static byte[] Write(AsyncEvent asyncEvent, string functionArn, string executedVersion, DateTimeOffset timestamp)
    {
        var result = asyncEvent.LastResult;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("requestContext");
            json.WriteString("requestId", asyncEvent.RequestId);
            json.WriteString("functionArn", $"{functionArn}:{executedVersion}");
            json.WriteString("condition", asyncEvent.Condition.ToString());
            json.WriteNumber("approximateInvokeCount", asyncEvent.Attempts.Count);
            json.WriteEndObject();
            json.WritePropertyName("requestPayload");
            WritePayload(json, asyncEvent.Payload);
            if (result is not null)
            {
                json.WriteStartObject("responseContext");
                json.WriteNumber("statusCode", 200);
                json.WriteString("executedVersion", executedVersion);
                if (result.Outcome.IsError)
                    json.WriteString("functionError", "Unhandled");
                json.WriteEndObject();
                json.WritePropertyName("responsePayload");
                WritePayload(json, result.Outcome.Body);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A payload that is JSON goes in as JSON; anything else (or nothing) as a string, or null.</summary>
    public static void WritePayload(Utf8JsonWriter json, byte[] payload)
    {
        if (payload.Length == 0)
        {
            json.WriteNullValue();
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(System.Text.Encoding.UTF8.GetString(payload));
        }
    }
}
