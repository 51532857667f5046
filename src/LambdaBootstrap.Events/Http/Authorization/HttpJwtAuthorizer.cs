using System.Text.Json;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// What a JWT authorizer of an HTTP API (<c>requestContext.authorizer.jwt</c>) or a Cognito user pool authorizer of a
/// REST API (<c>requestContext.authorizer.claims</c>) found in the token.
/// </summary>
public sealed class HttpJwtAuthorizer
{
    /// <summary>The token's claims, each as API Gateway sent it (usually a string).</summary>
    public IReadOnlyDictionary<string, JsonElement> Claims { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The token's scopes; empty when it has none.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The claim <paramref name="name"/> as text (a string as it is, anything else as JSON), or null.</summary>
    public string? Claim(string name) => Claims.TryGetValue(name, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;
}
