using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon S3 event delivered through EventBridge (<c>Object Created</c>, <c>Object Deleted</c>, <c>Object Restore Completed</c>...), source <c>aws.s3</c>.</summary>
public sealed class S3ObjectEvent : EventBridgeEvent<S3ObjectEventDetail>;

/// <summary>The detail of an S3 event on EventBridge.</summary>
public sealed class S3ObjectEventDetail
{
    /// <summary>The detail's format version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")]
    public S3ObjectEventBucket? Bucket { get; set; }

    /// <summary>The object.</summary>
    [JsonPropertyName("object")]
    public S3ObjectEventObject? Object { get; set; }

    /// <summary>S3's request id.</summary>
    [JsonPropertyName("request-id")]
    public string? RequestId { get; set; }

    /// <summary>Who made the request.</summary>
    [JsonPropertyName("requester")]
    public string? Requester { get; set; }

    /// <summary>Where the request came from.</summary>
    [JsonPropertyName("source-ip-address")]
    public string? SourceIpAddress { get; set; }

    /// <summary>Why: <c>PutObject</c>, <c>DeleteObject</c>, <c>Lifecycle Expiration</c>...</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary><c>Permanently Deleted</c> or <c>Delete Marker Created</c>.</summary>
    [JsonPropertyName("deletion-type")]
    public string? DeletionType { get; set; }

    /// <summary>Restores: when the copy expires.</summary>
    [JsonPropertyName("restore-expiry-time")]
    public string? RestoreExpiryTime { get; set; }

    /// <summary>Restores and transitions: the storage class before.</summary>
    [JsonPropertyName("source-storage-class")]
    public string? SourceStorageClass { get; set; }

    /// <summary>Transitions: the storage class after.</summary>
    [JsonPropertyName("destination-storage-class")]
    public string? DestinationStorageClass { get; set; }

    /// <summary>Intelligent-Tiering: the access tier after.</summary>
    [JsonPropertyName("destination-access-tier")]
    public string? DestinationAccessTier { get; set; }
}

/// <summary>The bucket of an S3 event on EventBridge.</summary>
public sealed class S3ObjectEventBucket
{
    /// <summary>The bucket's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>The object of an S3 event on EventBridge.</summary>
public sealed class S3ObjectEventObject
{
    /// <summary>The key (not URL-encoded, unlike S3 notifications).</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>The ETag.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; set; }

    /// <summary>The version.</summary>
    [JsonPropertyName("version-id")]
    public string? VersionId { get; set; }

    /// <summary>Orders the events of one key.</summary>
    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; set; }
}
