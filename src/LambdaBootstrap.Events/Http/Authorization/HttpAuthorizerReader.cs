using System.Text.Json;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Reads <c>requestContext.authorizer</c> into an <see cref="HttpAuthorizer"/>, on first use only, so a function that
/// never asks pays nothing per request.
/// </summary>
internal static class HttpAuthorizerReader
{
    // REST members that are API Gateway's, not the Lambda authorizer's context.
    private static readonly HashSet<string> RestOwnMembers = ["claims", "scopes", "principalId", "integrationLatency"];

    public static HttpAuthorizer? Read(ReadOnlyMemory<byte> authorizerJson, HttpIamIdentity? restIam)
    {
        if (authorizerJson.IsEmpty)
            return restIam is null ? null : new HttpAuthorizer { Iam = restIam };

        JsonElement root;
        using (var document = JsonDocument.Parse(authorizerJson))
            root = document.RootElement.Clone();

        // Payload 2.0 names the authorizer; REST puts a Lambda authorizer's context at the top, beside Cognito's claims.
        if (root.TryGetProperty("jwt", out var jwt) || root.TryGetProperty("iam", out _) || root.TryGetProperty("lambda", out _))
        {
            return new HttpAuthorizer
            {
                Jwt = jwt.ValueKind == JsonValueKind.Object ? Jwt(jwt) : null,
                Iam = root.TryGetProperty("iam", out var iam) && iam.ValueKind == JsonValueKind.Object ? Iam(iam) : restIam,
                Lambda = root.TryGetProperty("lambda", out var lambda) && lambda.ValueKind == JsonValueKind.Object ? Members(lambda, skip: null) : null,
            };
        }

        var context = Members(root, RestOwnMembers);
        return new HttpAuthorizer
        {
            Jwt = root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Object ? Jwt(root) : null,
            Iam = restIam,
            Lambda = context.Count > 0 ? context : null,
            PrincipalId = root.TryGetProperty("principalId", out var principal) && principal.ValueKind == JsonValueKind.String ? principal.GetString() : null,
        };
    }

    private static HttpJwtAuthorizer Jwt(JsonElement holder) => new()
    {
        Claims = holder.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Object ? Members(claims, skip: null) : new Dictionary<string, JsonElement>(),
        Scopes = holder.TryGetProperty("scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? [.. scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
            : [],
    };

    private static HttpIamIdentity Iam(JsonElement iam) => new()
    {
        AccessKey = Text(iam, "accessKey"),
        AccountId = Text(iam, "accountId"),
        CallerId = Text(iam, "callerId"),
        UserId = Text(iam, "userId"),
        UserArn = Text(iam, "userArn"),
        PrincipalOrgId = Text(iam, "principalOrgId"),
    };

    private static Dictionary<string, JsonElement> Members(JsonElement value, HashSet<string>? skip)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (skip is null || !skip.Contains(member.Name))
                members[member.Name] = member.Value;
        }
        return members;
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;
}
