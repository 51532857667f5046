using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The simple response of an HTTP API Lambda authorizer (<c>enableSimpleResponses</c>): allowed or not, with context.</summary>
public sealed class APIGatewayCustomAuthorizerV2SimpleResponse
{
    /// <summary>Whether the request is allowed.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool? IsAuthorized { get; set; }

    /// <summary>Values passed on to the integration (<c>$context.authorizer.KEY</c>).</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }
}
