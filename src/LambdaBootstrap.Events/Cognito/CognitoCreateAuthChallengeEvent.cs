using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The create auth challenge trigger: the challenge to put to the user.</summary>
public sealed class CognitoCreateAuthChallengeEvent : CognitoTriggerEvent<CognitoCreateAuthChallengeRequest, CognitoCreateAuthChallengeResponse>;

/// <summary>The request of <see cref="CognitoCreateAuthChallengeEvent"/>.</summary>
public sealed class CognitoCreateAuthChallengeRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The challenge to create.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>The challenges so far.</summary>
    [JsonPropertyName("session")]
    public List<ChallengeResultElement>? Session { get; set; }

    /// <summary>Whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoCreateAuthChallengeEvent"/>.</summary>
public sealed class CognitoCreateAuthChallengeResponse
{
    /// <summary>What the app shows the user.</summary>
    [JsonPropertyName("publicChallengeParameters")]
    public Dictionary<string, string>? PublicChallengeParameters { get; set; }

    /// <summary>What the verify trigger checks the answer against.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>A name for the challenge, seen in later sessions.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
