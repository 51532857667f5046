using System.Text;
using System.Text.Json;

namespace Bootstrap.TestFunction;

/// <summary>
/// A Lambda authorizer for the emulator's front door tests, answering each event kind as API Gateway expects: the
/// token (REST <c>authorizationToken</c>, or an HTTP API's first <c>identitySource</c>) <c>allow-NAME</c> is let through
/// with the context <c>{"user":"NAME"}</c>, anything else refused. An HTTP API payload 2.0 event gets a simple response
/// (<c>isAuthorized</c>), a REST one an IAM policy on its <c>methodArn</c>.
/// </summary>
public static class TokenAuthorizer
{
    public static byte[] Answer(ReadOnlyMemory<byte> e)
    {
        using var json = JsonDocument.Parse(e);
        var root = json.RootElement;
        string token = root.TryGetProperty("authorizationToken", out var t) ? t.GetString() ?? ""
            : root.TryGetProperty("identitySource", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0 ? s[0].GetString() ?? "" : "";
        bool allowed = token.StartsWith("allow-", StringComparison.Ordinal);
        string user = allowed ? token["allow-".Length..] : "";
        using var buffer = new MemoryStream();
        using (var answer = new Utf8JsonWriter(buffer))
        {
            answer.WriteStartObject();
            if (root.TryGetProperty("methodArn", out var arn))
            {
                answer.WriteString("principalId", user.Length > 0 ? user : "nobody");
                answer.WriteStartObject("policyDocument");
                answer.WriteString("Version", "2012-10-17");
                answer.WriteStartArray("Statement");
                answer.WriteStartObject();
                answer.WriteString("Action", "execute-api:Invoke");
                answer.WriteString("Effect", allowed ? "Allow" : "Deny");
                answer.WriteString("Resource", arn.GetString());
                answer.WriteEndObject();
                answer.WriteEndArray();
                answer.WriteEndObject();
            }
            else
                answer.WriteBoolean("isAuthorized", allowed);
            answer.WriteStartObject("context");
            answer.WriteString("user", user);
            answer.WriteEndObject();
            answer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
