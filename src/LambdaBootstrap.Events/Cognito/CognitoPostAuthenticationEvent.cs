using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The post authentication trigger: a user signed in.</summary>
public sealed class CognitoPostAuthenticationEvent : CognitoTriggerEvent<CognitoPostAuthenticationRequest, CognitoPostAuthenticationResponse>;

/// <summary>The request of <see cref="CognitoPostAuthenticationEvent"/>.</summary>
public sealed class CognitoPostAuthenticationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Whether the user signed in from a new device.</summary>
    [JsonPropertyName("newDeviceUsed")]
    public bool? NewDeviceUsed { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoPostAuthenticationEvent"/>: the trigger reads nothing from it.</summary>
public sealed class CognitoPostAuthenticationResponse;
