using System.Text;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An HTTP handler's response as its front door reads it (API Gateway, a Function URL or a load balancer): the status,
/// the headers, the cookies to set, and the decoded body. For a streamed response, the prelude is the head.
/// </summary>
public sealed class TestHttpResponse
{
    internal TestHttpResponse(int statusCode, IReadOnlyList<(string Name, string Value)> headers, byte[] body, string? prelude)
    {
        StatusCode = statusCode;
        Headers = [.. headers.Where(h => !IsSetCookie(h.Name)).Select(h => KeyValuePair.Create(h.Name, h.Value))];
        Cookies = [.. headers.Where(h => IsSetCookie(h.Name)).Select(h => h.Value)];
        Body = body;
        Prelude = prelude;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Every header but <c>Set-Cookie</c>, each value on its own (a multi-value header appears once per value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The cookies the response sets, each a <c>Set-Cookie</c> value (<c>name=value; Path=/</c>), whatever the format carried them in.</summary>
    public IReadOnlyList<string> Cookies { get; }

    /// <summary>The body, decoded from base64 when the response said so.</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>For a streamed response with the HTTP prelude, the prelude's JSON (status, headers, cookies); null otherwise.</summary>
    public string? Prelude { get; }

    /// <summary>The first value of a header, by name (case-insensitive).</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The value, or null when the response has no such header.</returns>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value : null;

    private static bool IsSetCookie(string name) => name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
