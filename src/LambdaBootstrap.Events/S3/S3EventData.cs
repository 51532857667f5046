using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The extra data of an S3 Glacier restore event.</summary>
public sealed class S3GlacierEventData
{
    /// <summary>The restored copy.</summary>
    [JsonPropertyName("restoreEventData")]
    public S3RestoreEventData? RestoreEventData { get; set; }
}

/// <summary>The restored copy of an archived object.</summary>
public sealed class S3RestoreEventData
{
    /// <summary>When the restored copy expires (ISO 8601, as S3 wrote it).</summary>
    [JsonPropertyName("lifecycleRestorationExpiryTime")]
    public string? LifecycleRestorationExpiryTime { get; set; }

    /// <summary>The storage class the object was restored from.</summary>
    [JsonPropertyName("lifecycleRestoreStorageClass")]
    public string? LifecycleRestoreStorageClass { get; set; }
}

/// <summary>The extra data of an S3 replication event.</summary>
public sealed class S3ReplicationEventData
{
    /// <summary>The replication rule's id.</summary>
    [JsonPropertyName("replicationRuleId")]
    public string? ReplicationRuleId { get; set; }

    /// <summary>The destination bucket's ARN.</summary>
    [JsonPropertyName("destinationBucket")]
    public string? DestinationBucket { get; set; }

    /// <summary>The replicated operation, e.g. <c>OBJECT_PUT</c>.</summary>
    [JsonPropertyName("s3Operation")]
    public string? S3Operation { get; set; }

    /// <summary>When the request was made (ISO 8601, as S3 wrote it).</summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; set; }

    /// <summary>Why replication failed, for <c>Replication:OperationFailedReplication</c>.</summary>
    [JsonPropertyName("failureReason")]
    public string? FailureReason { get; set; }

    /// <summary>The Replication Time Control threshold, in minutes.</summary>
    [JsonPropertyName("threshold")]
    public string? Threshold { get; set; }

    /// <summary>When the object was replicated (ISO 8601, as S3 wrote it).</summary>
    [JsonPropertyName("replicationTime")]
    public string? ReplicationTime { get; set; }
}

/// <summary>The extra data of an S3 Lifecycle transition event.</summary>
public sealed class S3LifecycleEventData
{
    /// <summary>The transition.</summary>
    [JsonPropertyName("transitionEventData")]
    public S3TransitionEventData? TransitionEventData { get; set; }
}

/// <summary>An S3 Lifecycle transition.</summary>
public sealed class S3TransitionEventData
{
    /// <summary>The storage class the object moved to.</summary>
    [JsonPropertyName("destinationStorageClass")]
    public string? DestinationStorageClass { get; set; }
}

/// <summary>The extra data of an S3 Intelligent-Tiering event.</summary>
public sealed class S3IntelligentTieringEventData
{
    /// <summary>The access tier the object moved to, e.g. <c>ARCHIVE_ACCESS</c>.</summary>
    [JsonPropertyName("destinationAccessTier")]
    public string? DestinationAccessTier { get; set; }
}
