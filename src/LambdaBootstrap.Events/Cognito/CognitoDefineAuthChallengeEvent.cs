using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The define auth challenge trigger: the next step of a custom authentication flow.</summary>
public sealed class CognitoDefineAuthChallengeEvent : CognitoTriggerEvent<CognitoDefineAuthChallengeRequest, CognitoDefineAuthChallengeResponse>;

/// <summary>The request of <see cref="CognitoDefineAuthChallengeEvent"/>.</summary>
public sealed class CognitoDefineAuthChallengeRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The challenges so far and how they went.</summary>
    [JsonPropertyName("session")]
    public List<ChallengeResultElement>? Session { get; set; }

    /// <summary>Whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoDefineAuthChallengeEvent"/>.</summary>
public sealed class CognitoDefineAuthChallengeResponse
{
    /// <summary>The next challenge, e.g. <c>CUSTOM_CHALLENGE</c>.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Whether the user is authenticated: issue tokens.</summary>
    [JsonPropertyName("issueTokens")]
    public bool? IssueTokens { get; set; }

    /// <summary>Whether to end the flow as failed.</summary>
    [JsonPropertyName("failAuthentication")]
    public bool? FailAuthentication { get; set; }
}
