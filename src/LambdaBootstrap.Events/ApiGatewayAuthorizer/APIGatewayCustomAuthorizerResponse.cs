using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a REST or WebSocket API's Lambda authorizer (or an HTTP API's, with payload 1.0) returns: the caller and the IAM policy that grants or denies the call.</summary>
public sealed class APIGatewayCustomAuthorizerResponse
{
    /// <summary>The caller's id, <c>$context.authorizer.principalId</c>.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The policy, e.g. <see cref="APIGatewayCustomAuthorizerPolicy.Allow"/>.</summary>
    [JsonPropertyName("policyDocument")]
    public APIGatewayCustomAuthorizerPolicy? PolicyDocument { get; set; }

    /// <summary>Values passed on to the integration (<c>$context.authorizer.KEY</c>): strings, numbers or booleans.</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }

    /// <summary>The API key of a usage plan, when the API key source is <c>AUTHORIZER</c>.</summary>
    [JsonPropertyName("usageIdentifierKey")]
    public string? UsageIdentifierKey { get; set; }
}
