using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The IAM policy response of an HTTP API Lambda authorizer with payload format 2.0.</summary>
public sealed class APIGatewayCustomAuthorizerV2IamResponse
{
    /// <summary>The caller's id.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The policy, e.g. <see cref="APIGatewayCustomAuthorizerPolicy.Allow"/>.</summary>
    [JsonPropertyName("policyDocument")]
    public APIGatewayCustomAuthorizerPolicy? PolicyDocument { get; set; }

    /// <summary>Values passed on to the integration (<c>$context.authorizer.KEY</c>).</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }
}
