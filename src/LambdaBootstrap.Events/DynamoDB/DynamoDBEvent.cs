using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The event Lambda sends for a batch of changes from a DynamoDB stream.</summary>
public sealed class DynamoDBEvent
{
    /// <summary>The changes, in order per item.</summary>
    [JsonPropertyName("Records")]
    public List<DynamodbStreamRecord>? Records { get; set; }
}

/// <summary>One change to one item.</summary>
public sealed class DynamodbStreamRecord
{
    /// <summary>The record's unique id.</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>The record's format version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The table's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>Who made the change, for changes made by DynamoDB itself (TTL deletions).</summary>
    [JsonPropertyName("userIdentity")]
    public DynamoDBUserIdentity? UserIdentity { get; set; }

    /// <summary>The change itself.</summary>
    [JsonPropertyName("dynamodb")]
    public StreamRecord? Dynamodb { get; set; }
}

/// <summary>The identity behind a change DynamoDB made itself.</summary>
public sealed class DynamoDBUserIdentity
{
    /// <summary><c>Service</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary><c>dynamodb.amazonaws.com</c>.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}

/// <summary>A DynamoDB stream record: the keys and the item's images.</summary>
public sealed class StreamRecord
{
    /// <summary>When the change was made, in epoch seconds (may be a fraction, may be in exponent form).</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double? ApproximateCreationDateTime { get; set; }

    /// <summary>The item's key attributes.</summary>
    [JsonPropertyName("Keys")]
    public Dictionary<string, AttributeValue>? Keys { get; set; }

    /// <summary>The item after the change (with NEW_IMAGE or NEW_AND_OLD_IMAGES).</summary>
    [JsonPropertyName("NewImage")]
    public Dictionary<string, AttributeValue>? NewImage { get; set; }

    /// <summary>The item before the change (with OLD_IMAGE or NEW_AND_OLD_IMAGES).</summary>
    [JsonPropertyName("OldImage")]
    public Dictionary<string, AttributeValue>? OldImage { get; set; }

    /// <summary>The record's sequence number; a failed record's <see cref="SQSBatchItemFailure.ItemIdentifier"/>.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>The record's size in bytes.</summary>
    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; set; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; set; }

    /// <summary><see cref="ApproximateCreationDateTime"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateCreationTime => EpochTime.FromSeconds(ApproximateCreationDateTime);
}
