using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>One challenge of a custom authentication flow and how it went.</summary>
public sealed class ChallengeResultElement
{
    /// <summary>The challenge, e.g. <c>SRP_A</c>, <c>PASSWORD_VERIFIER</c> or <c>CUSTOM_CHALLENGE</c>.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Whether the user passed it.</summary>
    [JsonPropertyName("challengeResult")]
    public bool? ChallengeResult { get; set; }

    /// <summary>The name the create trigger gave a custom challenge.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
