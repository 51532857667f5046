using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The post confirmation trigger: a user confirmed their account.</summary>
public sealed class CognitoPostConfirmationEvent : CognitoTriggerEvent<CognitoPostConfirmationRequest, CognitoPostConfirmationResponse>;

/// <summary>The request of <see cref="CognitoPostConfirmationEvent"/>.</summary>
public sealed class CognitoPostConfirmationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoPostConfirmationEvent"/>: the trigger reads nothing from it.</summary>
public sealed class CognitoPostConfirmationResponse;
