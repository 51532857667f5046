using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The pre sign-up trigger: accept or reject a sign-up, confirm and verify the user.</summary>
public sealed class CognitoPreSignupEvent : CognitoTriggerEvent<CognitoPreSignupRequest, CognitoPreSignupResponse>;

/// <summary>The request of <see cref="CognitoPreSignupEvent"/>.</summary>
public sealed class CognitoPreSignupRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in <c>ValidationData</c>.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoPreSignupEvent"/>.</summary>
public sealed class CognitoPreSignupResponse
{
    /// <summary>Confirms the user without a code.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool? AutoConfirmUser { get; set; }

    /// <summary>Marks the phone number verified.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool? AutoVerifyPhone { get; set; }

    /// <summary>Marks the email address verified.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool? AutoVerifyEmail { get; set; }
}
