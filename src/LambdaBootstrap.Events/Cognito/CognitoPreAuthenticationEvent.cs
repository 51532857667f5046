using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The pre authentication trigger: throw to deny a sign-in.</summary>
public sealed class CognitoPreAuthenticationEvent : CognitoTriggerEvent<CognitoPreAuthenticationRequest, CognitoPreAuthenticationResponse>;

/// <summary>The request of <see cref="CognitoPreAuthenticationEvent"/>.</summary>
public sealed class CognitoPreAuthenticationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in <c>ValidationData</c>.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Whether the user does not exist (with <c>PreventUserExistenceErrors</c>).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}

/// <summary>The response of <see cref="CognitoPreAuthenticationEvent"/>: the trigger reads nothing from it.</summary>
public sealed class CognitoPreAuthenticationResponse;
