using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The event Lambda sends for Amazon S3 event notifications (object created, removed, restored...).</summary>
public sealed class S3Event
{
    /// <summary>The notifications.</summary>
    [JsonPropertyName("Records")]
    public List<S3EventRecord>? Records { get; set; }
}

/// <summary>One S3 event notification.</summary>
public sealed class S3EventRecord
{
    /// <summary>The notification's format version, e.g. <c>2.1</c>.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>Always <c>aws:s3</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The bucket's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>When S3 finished the request that caused the event.</summary>
    [JsonConverter(typeof(IsoTimeConverter))]
    [JsonPropertyName("eventTime")]
    public DateTimeOffset? EventTime { get; set; }

    /// <summary>The event type, e.g. <c>ObjectCreated:Put</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>Who caused the event.</summary>
    [JsonPropertyName("userIdentity")]
    public S3UserIdentity? UserIdentity { get; set; }

    /// <summary>The request's parameters.</summary>
    [JsonPropertyName("requestParameters")]
    public S3RequestParameters? RequestParameters { get; set; }

    /// <summary>The response's elements (request ids, for AWS support).</summary>
    [JsonPropertyName("responseElements")]
    public S3ResponseElements? ResponseElements { get; set; }

    /// <summary>The bucket and object.</summary>
    [JsonPropertyName("s3")]
    public S3Entity? S3 { get; set; }

    /// <summary><c>ObjectRestore</c> events: the restored copy's expiry and storage class.</summary>
    [JsonPropertyName("glacierEventData")]
    public S3GlacierEventData? GlacierEventData { get; set; }

    /// <summary><c>Replication</c> events (format 2.2): the rule, destination and failure.</summary>
    [JsonPropertyName("replicationEventData")]
    public S3ReplicationEventData? ReplicationEventData { get; set; }

    /// <summary><c>LifecycleTransition</c> events (format 2.3): the storage class the object moved to.</summary>
    [JsonPropertyName("lifecycleEventData")]
    public S3LifecycleEventData? LifecycleEventData { get; set; }

    /// <summary><c>IntelligentTiering</c> events (format 2.3): the access tier the object moved to.</summary>
    [JsonPropertyName("intelligentTieringEventData")]
    public S3IntelligentTieringEventData? IntelligentTieringEventData { get; set; }
}

/// <summary>The principal behind an S3 event, or the owner of a bucket.</summary>
public sealed class S3UserIdentity
{
    /// <summary>The principal's id.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}

/// <summary>The parameters of the request that caused an S3 event.</summary>
public sealed class S3RequestParameters
{
    /// <summary>The IP address the request came from.</summary>
    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIPAddress { get; set; }
}

/// <summary>The response elements of the request that caused an S3 event.</summary>
public sealed class S3ResponseElements
{
    /// <summary>S3's request id.</summary>
    [JsonPropertyName("x-amz-request-id")]
    public string? XAmzRequestId { get; set; }

    /// <summary>S3's extended request id (the host that served it).</summary>
    [JsonPropertyName("x-amz-id-2")]
    public string? XAmzId2 { get; set; }
}

/// <summary>The S3 part of a notification: configuration, bucket and object.</summary>
public sealed class S3Entity
{
    /// <summary>The schema version, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("s3SchemaVersion")]
    public string? S3SchemaVersion { get; set; }

    /// <summary>The id of the bucket's notification configuration.</summary>
    [JsonPropertyName("configurationId")]
    public string? ConfigurationId { get; set; }

    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")]
    public S3Bucket? Bucket { get; set; }

    /// <summary>The object.</summary>
    [JsonPropertyName("object")]
    public S3Object? Object { get; set; }
}

/// <summary>The bucket of an S3 notification.</summary>
public sealed class S3Bucket
{
    /// <summary>The bucket's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The bucket's owner.</summary>
    [JsonPropertyName("ownerIdentity")]
    public S3UserIdentity? OwnerIdentity { get; set; }

    /// <summary>The bucket's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }
}

/// <summary>The object of an S3 notification.</summary>
public sealed class S3Object
{
    /// <summary>The object's key, URL-encoded (a space is <c>+</c>).</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>
    /// <see cref="Key"/> as the object's real key: S3 URL-encodes it in notifications (<c>my+photos/a%281%29.jpg</c> is
    /// <c>my photos/a(1).jpg</c>), which is not the form <c>GetObject</c> takes.
    /// </summary>
    [JsonIgnore]
    public string? DecodedKey => Key is null ? null : Uri.UnescapeDataString(Key.Replace('+', ' '));

    /// <summary>The object's size in bytes (absent for deletions).</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>The object's ETag.</summary>
    [JsonPropertyName("eTag")]
    public string? ETag { get; set; }

    /// <summary>The object's version, in a versioned bucket.</summary>
    [JsonPropertyName("versionId")]
    public string? VersionId { get; set; }

    /// <summary>Orders the events of one key: compare as hexadecimal strings of equal length.</summary>
    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; set; }
}
