using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The pre token generation trigger, event versions 2 and 3: change the ID and access tokens' claims, scopes and groups.</summary>
public sealed class CognitoPreTokenGenerationV2Event : CognitoTriggerEvent<CognitoPreTokenGenerationV2Request, CognitoPreTokenGenerationV2Response>;

/// <summary>The request of <see cref="CognitoPreTokenGenerationV2Event"/>.</summary>
public sealed class CognitoPreTokenGenerationV2Request
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The access token's scopes.</summary>
    [JsonPropertyName("scopes")]
    public List<string>? Scopes { get; set; }

    /// <summary>The user's groups and roles.</summary>
    [JsonPropertyName("groupConfiguration")]
    public GroupConfiguration? GroupConfiguration { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoPreTokenGenerationV2Event"/>.</summary>
public sealed class CognitoPreTokenGenerationV2Response
{
    /// <summary>The changes to each token.</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    public ClaimsAndScopeOverrideDetails? ClaimsAndScopeOverrideDetails { get; set; }
}

/// <summary>The token changes of a version 2 pre token generation trigger.</summary>
public sealed class ClaimsAndScopeOverrideDetails
{
    /// <summary>Changes to the ID token.</summary>
    [JsonPropertyName("idTokenGeneration")]
    public IdTokenGeneration? IdTokenGeneration { get; set; }

    /// <summary>Changes to the access token.</summary>
    [JsonPropertyName("accessTokenGeneration")]
    public AccessTokenGeneration? AccessTokenGeneration { get; set; }

    /// <summary>The groups and roles to put in the tokens.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public GroupConfiguration? GroupOverrideDetails { get; set; }
}

/// <summary>Changes to the ID token.</summary>
public sealed class IdTokenGeneration
{
    /// <summary>Claims to add or change: strings, numbers, booleans, arrays or objects.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, JsonElement>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public List<string>? ClaimsToSuppress { get; set; }
}

/// <summary>Changes to the access token.</summary>
public sealed class AccessTokenGeneration
{
    /// <summary>Claims to add or change.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, JsonElement>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public List<string>? ClaimsToSuppress { get; set; }

    /// <summary>Scopes to add.</summary>
    [JsonPropertyName("scopesToAdd")]
    public List<string>? ScopesToAdd { get; set; }

    /// <summary>Scopes to remove.</summary>
    [JsonPropertyName("scopesToSuppress")]
    public List<string>? ScopesToSuppress { get; set; }
}
