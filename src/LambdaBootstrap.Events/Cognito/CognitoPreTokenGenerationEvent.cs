using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The pre token generation trigger (version 1): change the ID token's claims and groups.</summary>
public sealed class CognitoPreTokenGenerationEvent : CognitoTriggerEvent<CognitoPreTokenGenerationRequest, CognitoPreTokenGenerationResponse>;

/// <summary>The request of <see cref="CognitoPreTokenGenerationEvent"/>.</summary>
public sealed class CognitoPreTokenGenerationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The user's groups and roles.</summary>
    [JsonPropertyName("groupConfiguration")]
    public GroupConfiguration? GroupConfiguration { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoPreTokenGenerationEvent"/>.</summary>
public sealed class CognitoPreTokenGenerationResponse
{
    /// <summary>The claims to add, change or remove, and the groups to put in the token.</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    public ClaimsOverrideDetails? ClaimsOverrideDetails { get; set; }
}
