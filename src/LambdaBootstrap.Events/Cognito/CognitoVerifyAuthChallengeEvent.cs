using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The verify auth challenge response trigger: is the user's answer right.</summary>
public sealed class CognitoVerifyAuthChallengeEvent : CognitoTriggerEvent<CognitoVerifyAuthChallengeRequest, CognitoVerifyAuthChallengeResponse>;

/// <summary>The request of <see cref="CognitoVerifyAuthChallengeEvent"/>.</summary>
public sealed class CognitoVerifyAuthChallengeRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>What the create trigger set to check against.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>The user's answer.</summary>
    [JsonPropertyName("challengeAnswer")]
    public string? ChallengeAnswer { get; set; }

    /// <summary>Whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoVerifyAuthChallengeEvent"/>.</summary>
public sealed class CognitoVerifyAuthChallengeResponse
{
    /// <summary>Whether the answer is right.</summary>
    [JsonPropertyName("answerCorrect")]
    public bool? AnswerCorrect { get; set; }
}
