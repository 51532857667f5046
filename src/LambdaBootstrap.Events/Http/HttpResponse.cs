using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// An HTTP response, written in the format of the front door that sent the request. A textual body (by its
/// <c>Content-Type</c>: <c>text/*</c>, JSON, XML, JavaScript, forms) goes out as it is; any other body goes out
/// base64-encoded with <c>isBase64Encoded</c> set.
/// </summary>
/// <remarks>
/// A buffered response; a streaming HTTP handler writes an <see cref="HttpStreamingResponse"/> instead. In a file that
/// also uses <c>Microsoft.AspNetCore.Http</c>, alias it: <c>using LambdaHttpResponse = LambdaBootstrap.Events.Http.HttpResponse;</c>
/// </remarks>
public sealed class HttpResponse
{
    /// <summary>A response with <paramref name="statusCode"/>, no headers and no body.</summary>
    public HttpResponse(int statusCode = 200) => StatusCode = statusCode;

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; set; }

    /// <summary>The headers, every value of each. Values with CR or LF are refused when the response is written.</summary>
    public MultiValueMap Headers { get; } = new(ignoreCase: true);

    /// <summary>The cookies to set, each the value of one <c>Set-Cookie</c> header (<c>a=1; Path=/</c>).</summary>
    public List<string> Cookies { get; } = [];

    /// <summary>The body's bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>A text response, UTF-8.</summary>
    public static HttpResponse Text(int statusCode, string text, string contentType = "text/plain; charset=utf-8") =>
        Bytes(statusCode, Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>A JSON response from JSON text.</summary>
    public static HttpResponse Json(int statusCode, string json) => Text(statusCode, json, "application/json");

    /// <summary>A JSON response from a value, written through source-generated metadata.</summary>
    public static HttpResponse Json<T>(int statusCode, T value, JsonTypeInfo<T> type) =>
        Bytes(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json");

    /// <summary>A response with <paramref name="body"/> as it is and the given content type (none when null).</summary>
    public static HttpResponse Bytes(int statusCode, ReadOnlyMemory<byte> body, string? contentType)
    {
        var response = new HttpResponse(statusCode) { Body = body };
        if (contentType is not null)
            response.Headers["Content-Type"] = contentType;
        return response;
    }

    /// <summary>Adds a header value and returns this response.</summary>
    public HttpResponse WithHeader(string name, string value)
    {
        Headers.Add(name, value);
        return this;
    }

    /// <summary>Adds a cookie to set and returns this response.</summary>
    public HttpResponse WithCookie(string cookie)
    {
        Cookies.Add(cookie);
        return this;
    }
}
