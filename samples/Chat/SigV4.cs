using System.Security.Cryptography;
using System.Text;

namespace Chat;

/// <summary>
/// AWS Signature Version 4 for one request with a body and no query string, as AWS documents it: a canonical request
/// (each path segment URI-encoded again, the signed headers <c>host</c>, <c>x-amz-date</c> and, with temporary
/// credentials, <c>x-amz-security-token</c>), a string to sign over the day's scope, and a key derived from the secret.
/// </summary>
public static class SigV4
{
    public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken);

    public static void Sign(HttpRequestMessage request, byte[] body, Credentials credentials, string region, string service, DateTimeOffset now)
    {
        var uri = request.RequestUri!;
        string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string day = amzDate[..8];
        string host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = host, ["x-amz-date"] = amzDate };
        if (credentials.SessionToken is { Length: > 0 } token)
            headers["x-amz-security-token"] = token;
        string signedHeaders = string.Join(';', headers.Keys);
        string canonicalPath = string.Join('/', uri.AbsolutePath.Split('/').Select(segment => Uri.EscapeDataString(segment)));
        string canonicalRequest = string.Join('\n',
            request.Method.Method, canonicalPath, "", string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")), signedHeaders, Hex(SHA256.HashData(body)));
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

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
