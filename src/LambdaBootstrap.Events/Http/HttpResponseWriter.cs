using System.Buffers;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Writes an <see cref="HttpResponse"/> in the format of the front door that sent the request, straight to JSON: no
/// serializer metadata, so the HTTP handler does not pay for the event types.
/// </summary>
internal static class HttpResponseWriter
{
    public static ReadOnlyMemory<byte> Write(HttpRequest request, HttpResponse response)
    {
        HttpResponseCheck.Validate(response);
        var (body, isBase64) = HttpBody.Encode(response.Body, response.Headers["Content-Type"]);
        var buffer = new ArrayBufferWriter<byte>(256 + body.Length);
        var json = new LambdaJsonWriter(buffer);
        json.WriteStartObject();
        json.WritePropertyName("statusCode"u8);
        json.WriteNumberValue(response.StatusCode);
        switch (request.Format)
        {
            case HttpEventFormat.ApiGatewayV1:
                // REST APIs merge `headers` into `multiValueHeaders`; the last value is what a single-value reader expects.
                WriteHeaders(json, response, joined: false, last: true);
                WriteMultiValueHeaders(json, response);
                break;
            case HttpEventFormat.Alb:
                json.WritePropertyName("statusDescription"u8);
                json.WriteStringValue(HttpStatusText.Of(response.StatusCode));
                if (request.AlbMultiValue)
                    WriteMultiValueHeaders(json, response);
                else
                    WriteAlbSingleValueHeaders(json, response);
                break;
            default:
                WriteHeaders(json, response, joined: true, last: false);
                json.WritePropertyName("cookies"u8);
                json.WriteStartArray();
                foreach (var cookie in CookiesOf(response))
                    json.WriteStringValue(cookie);
                json.WriteEndArray();
                break;
        }
        json.WritePropertyName("body"u8);
        json.WriteStringValue(body);
        json.WritePropertyName("isBase64Encoded"u8);
        json.WriteBooleanValue(isBase64);
        json.WriteEndObject();
        return buffer.WrittenMemory;
    }

    /// <summary>Every cookie: <see cref="HttpResponse.Cookies"/> and any <c>Set-Cookie</c> header values.</summary>
    internal static List<string> CookiesOf(HttpResponse response) => [.. response.Headers.GetValues("Set-Cookie"), .. response.Cookies];

    /// <summary>Payload 2.0 and the streaming prelude: one value per header, joined with commas; cookies go apart.</summary>
    internal static Dictionary<string, string> JoinedValues(HttpResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            if (!IsSetCookie(name))
                headers[name] = string.Join(", ", values);
        }
        return headers;
    }

    private static void WriteHeaders(LambdaJsonWriter json, HttpResponse response, bool joined, bool last)
    {
        json.WritePropertyName("headers"u8);
        json.WriteStartObject();
        foreach (var (name, values) in response.Headers)
        {
            if (IsSetCookie(name))
                continue;
            json.WritePropertyName(name);
            json.WriteStringValue(joined ? string.Join(", ", values) : last ? values[^1] : values[0]);
        }
        json.WriteEndObject();
    }

    private static void WriteMultiValueHeaders(LambdaJsonWriter json, HttpResponse response)
    {
        json.WritePropertyName("multiValueHeaders"u8);
        json.WriteStartObject();
        foreach (var (name, values) in response.Headers)
        {
            if (IsSetCookie(name))
                continue;
            json.WritePropertyName(name);
            json.WriteStartArray();
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }
        var cookies = CookiesOf(response);
        if (cookies.Count > 0)
        {
            json.WritePropertyName("Set-Cookie"u8);
            json.WriteStartArray();
            foreach (var cookie in cookies)
                json.WriteStringValue(cookie);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteAlbSingleValueHeaders(LambdaJsonWriter json, HttpResponse response)
    {
        var cookies = CookiesOf(response);
        if (cookies.Count > 1)
            throw new InvalidOperationException(
                $"The response sets {cookies.Count} cookies, but this ALB target group sends single-value headers, which carry one Set-Cookie: turn on multi-value headers for the target group.");
        json.WritePropertyName("headers"u8);
        json.WriteStartObject();
        foreach (var (name, value) in JoinedValues(response))
        {
            json.WritePropertyName(name);
            json.WriteStringValue(value);
        }
        if (cookies.Count == 1)
        {
            json.WritePropertyName("Set-Cookie"u8);
            json.WriteStringValue(cookies[0]);
        }
        json.WriteEndObject();
    }

    private static bool IsSetCookie(string name) => name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
