using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon ECR <c>ECR Image Scan</c> event (a basic scan completed), source <c>aws.ecr</c>.</summary>
public sealed class ECRImageScanEvent : EventBridgeEvent<ECRImageScanDetail>;

/// <summary>The detail of an ECR image scan.</summary>
public sealed class ECRImageScanDetail
{
    /// <summary><c>COMPLETE</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("scan-status")]
    public string? ScanStatus { get; set; }

    /// <summary>The repository.</summary>
    [JsonPropertyName("repository-name")]
    public string? RepositoryName { get; set; }

    /// <summary>Findings by severity (<c>CRITICAL</c>, <c>HIGH</c>, <c>MEDIUM</c>...).</summary>
    [JsonPropertyName("finding-severity-counts")]
    public Dictionary<string, int?>? FindingSeverityCounts { get; set; }

    /// <summary>The image's digest.</summary>
    [JsonPropertyName("image-digest")]
    public string? ImageDigest { get; set; }

    /// <summary>The image's tags.</summary>
    [JsonPropertyName("image-tags")]
    public List<string>? ImageTags { get; set; }
}
