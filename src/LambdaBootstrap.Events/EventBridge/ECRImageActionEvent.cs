using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon ECR <c>ECR Image Action</c> event (an image pushed or deleted), source <c>aws.ecr</c>.</summary>
public sealed class ECRImageActionEvent : EventBridgeEvent<ECRImageActionDetail>;

/// <summary>The detail of an ECR image action.</summary>
public sealed class ECRImageActionDetail
{
    /// <summary><c>SUCCESS</c> or <c>FAILURE</c>.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; set; }

    /// <summary>The repository.</summary>
    [JsonPropertyName("repository-name")]
    public string? RepositoryName { get; set; }

    /// <summary>The image's digest.</summary>
    [JsonPropertyName("image-digest")]
    public string? ImageDigest { get; set; }

    /// <summary><c>PUSH</c> or <c>DELETE</c>.</summary>
    [JsonPropertyName("action-type")]
    public string? ActionType { get; set; }

    /// <summary>The tag.</summary>
    [JsonPropertyName("image-tag")]
    public string? ImageTag { get; set; }

    /// <summary>The manifest's media type.</summary>
    [JsonPropertyName("manifest-media-type")]
    public string? ManifestMediaType { get; set; }

    /// <summary>The artifact's media type.</summary>
    [JsonPropertyName("artifact-media-type")]
    public string? ArtifactMediaType { get; set; }
}
