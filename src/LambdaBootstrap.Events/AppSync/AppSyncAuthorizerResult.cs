using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AppSync Lambda authorizer returns.</summary>
public sealed class AppSyncAuthorizerResult
{
    /// <summary>Whether the request is allowed.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool? IsAuthorized { get; set; }

    /// <summary>Values resolvers see as <c>$ctx.identity.resolverContext</c>.</summary>
    [JsonPropertyName("resolverContext")]
    public Dictionary<string, JsonElement>? ResolverContext { get; set; }

    /// <summary>Fields the caller may not read, as <c>Type.field</c> or ARNs.</summary>
    [JsonPropertyName("deniedFields")]
    public List<string>? DeniedFields { get; set; }

    /// <summary>How long, in seconds, to cache the answer.</summary>
    [JsonPropertyName("ttlOverride")]
    public int? TtlOverride { get; set; }
}
