using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chat;

/// <summary>
/// AWS Signature Version 4 in the <c>Authorization</c> header, as AWS documents it: a canonical request (each path
/// segment URI-encoded again, the query's parameters encoded and sorted, the signed headers <c>content-type</c> when
/// the request has one, <c>host</c>, <c>x-amz-date</c> and, with temporary credentials, <c>x-amz-security-token</c>),
/// a string to sign over the day's scope, and a key derived from the secret. For any service but S3, whose paths are
/// encoded once.
/// </summary>
public static class SigV4
{
    public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken);

    public static void Sign(HttpRequestMessage request, byte[] body, Credentials credentials, string region, string service, DateTimeOffset now)
    {
        var uri = request.RequestUri!;
        string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string day = amzDate[..8];
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
            headers["content-type"] = contentType.ToString();
        if (credentials.SessionToken is { Length: > 0 } token)
            headers["x-amz-security-token"] = token;
        string signedHeaders = string.Join(';', headers.Keys);
        string canonicalRequest = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri),
            CanonicalQuery(uri),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            Hex(SHA256.HashData(body)));
        string scope = $"{day}/{region}/{service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        byte[] key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), day), region), service), "aws4_request");
        string signature = Hex(Hmac(key, stringToSign));

        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        if (headers.TryGetValue("x-amz-security-token", out string? sessionToken))
            request.Headers.TryAddWithoutValidation("x-amz-security-token", sessionToken);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>The path as it is sent (already encoded once), each segment encoded again.</summary>
    private static string CanonicalPath(Uri uri) =>
        string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Each parameter's name and value encoded once (whatever escaping they arrived with), sorted by name, then value.</summary>
    private static string CanonicalQuery(Uri uri) =>
        string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(parameter => parameter.Split('=', 2))
            .Select(pair => (Name: Encode(pair[0]), Value: Encode(pair.Length > 1 ? pair[1] : "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    private static string Encode(string escaped) => Uri.EscapeDataString(Uri.UnescapeDataString(escaped));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
