using System.Text;
using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>Bodies in and out of the JSON formats: base64 or text.</summary>
internal static class HttpBody
{
    public static ReadOnlyMemory<byte> Decode(string? body, bool isBase64Encoded)
    {
        if (string.IsNullOrEmpty(body))
            return ReadOnlyMemory<byte>.Empty;
        if (!isBase64Encoded)
            return Encoding.UTF8.GetBytes(body);
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                $"The request body is marked isBase64Encoded but is not valid base64 ({body.Length} characters).");
        }
    }

    /// <summary>The body as the JSON formats carry it: text as it is when the content type is textual and the bytes are UTF-8, else base64.</summary>
    public static (string Body, bool IsBase64Encoded) Encode(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty)
            return ("", false);
        if (IsTextual(contentType) && System.Text.Unicode.Utf8.IsValid(body.Span))
            return (Encoding.UTF8.GetString(body.Span), false);
        return (Convert.ToBase64String(body.Span), true);
    }

    private static bool IsTextual(string? contentType)
    {
        if (contentType is null)
            return false;
        var type = contentType.AsSpan();
        int semicolon = type.IndexOf(';');
        if (semicolon >= 0)
            type = type[..semicolon];
        type = type.Trim();
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }
}
