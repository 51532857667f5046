using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// The inbound federation trigger: a user signed in through an external identity provider, and the function decides
/// which attributes the user profile gets.
/// </summary>
public sealed class CognitoInboundFederationEvent : CognitoTriggerEvent<CognitoInboundFederationRequest, CognitoInboundFederationResponse>;

/// <summary>The request of <see cref="CognitoInboundFederationEvent"/>.</summary>
public sealed class CognitoInboundFederationRequest
{
    /// <summary>The identity provider's name in the user pool.</summary>
    [JsonPropertyName("providerName")]
    public string? ProviderName { get; set; }

    /// <summary><c>OIDC</c>, <c>SAML</c>, <c>Facebook</c>, <c>Google</c>, <c>SignInWithApple</c> or <c>LoginWithAmazon</c>.</summary>
    [JsonPropertyName("providerType")]
    public string? ProviderType { get; set; }

    /// <summary>What the identity provider sent, before Amazon Cognito maps it.</summary>
    [JsonPropertyName("attributes")]
    public CognitoInboundFederationAttributes? Attributes { get; set; }
}

/// <summary>
/// The identity provider's raw answer. OIDC and social providers fill the token response, ID token claims and user
/// info; SAML providers the assertion's attributes. Values stay JSON: claims are strings, numbers, booleans or lists.
/// </summary>
public sealed class CognitoInboundFederationAttributes
{
    /// <summary>The token endpoint's response: <c>access_token</c>, <c>id_token</c>, <c>expires_in</c>...</summary>
    [JsonPropertyName("tokenResponse")]
    public Dictionary<string, JsonElement>? TokenResponse { get; set; }

    /// <summary>The ID token's claims, decoded.</summary>
    [JsonPropertyName("idToken")]
    public Dictionary<string, JsonElement>? IdToken { get; set; }

    /// <summary>The userInfo endpoint's profile.</summary>
    [JsonPropertyName("userInfo")]
    public Dictionary<string, JsonElement>? UserInfo { get; set; }

    /// <summary>The SAML assertion's attributes.</summary>
    [JsonPropertyName("samlResponse")]
    public Dictionary<string, JsonElement>? SamlResponse { get; set; }
}

/// <summary>The response of <see cref="CognitoInboundFederationEvent"/>.</summary>
public sealed class CognitoInboundFederationResponse
{
    /// <summary>
    /// The attributes the user profile gets; an attribute left out is dropped. Empty keeps the provider's attributes
    /// as they are.
    /// </summary>
    [JsonPropertyName("userAttributesToMap")]
    public Dictionary<string, string>? UserAttributesToMap { get; set; }
}
