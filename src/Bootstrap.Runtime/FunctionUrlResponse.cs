using System.Buffers;

namespace Bootstrap.Runtime;

/// <summary>
/// The prelude a streaming function writes before its body when a Lambda Function URL (or API Gateway) serves it:
/// the content type <c>application/vnd.awslambda.http-integration-response</c>, a JSON object with the HTTP status
/// code, headers and cookies, then eight NUL bytes. The bytes after that are the HTTP response body.
/// </summary>
public static class FunctionUrlResponse
{
    public const string ContentType = "application/vnd.awslambda.http-integration-response";

    public static void WritePrelude(ResponseStream response, int statusCode,
        IReadOnlyDictionary<string, string>? headers = null, IReadOnlyList<string>? cookies = null)
    {
        response.ContentType = ContentType;
        var json = new ArrayBufferWriter<byte>(256);
        json.Write("{\"statusCode\":"u8);
        var digits = json.GetSpan(11);
        System.Buffers.Text.Utf8Formatter.TryFormat(statusCode, digits, out int written);
        json.Advance(written);
        JsonText.Property(json, "headers"u8);
        json.Write("{"u8);
        bool first = true;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!first)
                json.Write(","u8);
            first = false;
            JsonText.String(json, name);
            json.Write(":"u8);
            JsonText.String(json, value);
        }
        json.Write("}"u8);
        JsonText.Property(json, "cookies"u8);
        json.Write("["u8);
        for (int i = 0; i < (cookies?.Count ?? 0); i++)
        {
            if (i > 0)
                json.Write(","u8);
            JsonText.String(json, cookies![i]);
        }
        json.Write("]}"u8);
        response.Write(json.WrittenSpan);
        Span<byte> separator = stackalloc byte[8];
        separator.Clear();
        response.Write(separator);
    }
}
