using System.Buffers;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The HTTP status, headers and cookies of a streaming function's response behind a Lambda Function URL in
/// <c>RESPONSE_STREAM</c> mode (or API Gateway's streaming integration). Such a response starts with a prelude: the
/// content type <see cref="ContentType"/>, a JSON object with the status code, headers and cookies, then eight NUL
/// bytes; what the handler writes after it is the HTTP response body.
/// </summary>
/// <remarks>
/// The low-level way, for a raw streaming handler. With the events library's HTTP model, a streaming HTTP handler gets
/// an <c>HttpStreamingResponse</c> that writes this prelude itself; a buffered Function URL handler returns a
/// <c>LambdaFunctionUrlResponse</c> (or the HTTP model's <c>HttpResponse</c>) and needs no prelude.
/// </remarks>
public static class HttpResponsePrelude
{
    /// <summary>The content type of a response that starts with the HTTP prelude; <see cref="Write"/> sets it.</summary>
    public const string ContentType = "application/vnd.awslambda.http-integration-response";

    /// <summary>
    /// Sets the response's content type to <see cref="ContentType"/> and writes the prelude. Call it first, before any
    /// byte of the body; the prelude goes out with the first flush.
    /// </summary>
    /// <param name="response">The streaming handler's response.</param>
    /// <param name="statusCode">The HTTP status code, e.g. 200.</param>
    /// <param name="headers">HTTP response headers, by name (a body's <c>Content-Type</c> goes here); none when null.</param>
    /// <param name="cookies">Cookies to set, each as a <c>Set-Cookie</c> value (<c>name=value; Path=/</c>); none when null.</param>
    /// <exception cref="InvalidOperationException">The response has already started (something was flushed before).</exception>
    /// <exception cref="ObjectDisposedException">The response has already ended.</exception>
    public static void Write(ResponseStream response, int statusCode,
        IReadOnlyDictionary<string, string>? headers = null, IReadOnlyList<string>? cookies = null)
    {
        response.ContentType = ContentType;
        var json = new ArrayBufferWriter<byte>(256);
        json.Append("{\"statusCode\":"u8);
        var digits = json.GetSpan(11);
        System.Buffers.Text.Utf8Formatter.TryFormat(statusCode, digits, out int written);
        json.Advance(written);
        JsonText.Property(json, "headers"u8);
        json.Append("{"u8);
        bool first = true;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!first)
                json.Append(","u8);
            first = false;
            JsonText.String(json, name);
            json.Append(":"u8);
            JsonText.String(json, value);
        }
        json.Append("}"u8);
        JsonText.Property(json, "cookies"u8);
        json.Append("["u8);
        for (int i = 0; i < (cookies?.Count ?? 0); i++)
        {
            if (i > 0)
                json.Append(","u8);
            JsonText.String(json, cookies![i]);
        }
        json.Append("]}"u8);
        response.Write(json.WrittenSpan);
        Span<byte> separator = stackalloc byte[8];
        separator.Clear();
        response.Write(separator);
    }
}
