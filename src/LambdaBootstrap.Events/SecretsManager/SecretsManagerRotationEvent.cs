using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS Secrets Manager sends a rotation function, once per step of a rotation.</summary>
public sealed class SecretsManagerRotationEvent
{
    /// <summary><c>createSecret</c>, <c>setSecret</c>, <c>testSecret</c> or <c>finishSecret</c>.</summary>
    [JsonPropertyName("Step")]
    public string? Step { get; set; }

    /// <summary>The secret's ARN.</summary>
    [JsonPropertyName("SecretId")]
    public string? SecretId { get; set; }

    /// <summary>The new version's id.</summary>
    [JsonPropertyName("ClientRequestToken")]
    public string? ClientRequestToken { get; set; }

    /// <summary>A token that proves the call comes from Secrets Manager (cross-account rotation).</summary>
    [JsonPropertyName("RotationToken")]
    public string? RotationToken { get; set; }
}
