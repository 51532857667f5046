using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>The event Lambda sends for a batch of changes from a DynamoDB stream.</summary>
[LambdaJson]
public sealed partial class DynamoDBEvent
{
    /// <summary>The changes, in order per item.</summary>
    [JsonPropertyName("Records")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<DynamodbStreamRecord>? Records { get; set; }
}

/// <summary>One change to one item.</summary>
[LambdaJson]
public sealed partial class DynamodbStreamRecord
{
    /// <summary>The record's unique id.</summary>
    [JsonPropertyName("eventID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventId { get; set; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventName { get; set; }

    /// <summary>The record's format version.</summary>
    [JsonPropertyName("eventVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventVersion { get; set; }

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventSource { get; set; }

    /// <summary>The table's region.</summary>
    [JsonPropertyName("awsRegion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AwsRegion { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventSourceArn { get; set; }

    /// <summary>Who made the change, for changes made by DynamoDB itself (TTL deletions).</summary>
    [JsonPropertyName("userIdentity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DynamoDBUserIdentity? UserIdentity { get; set; }

    /// <summary>The change itself.</summary>
    [JsonPropertyName("dynamodb")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StreamRecord? Dynamodb { get; set; }
}

/// <summary>The identity behind a change DynamoDB made itself.</summary>
[LambdaJson]
public sealed partial class DynamoDBUserIdentity
{
    /// <summary><c>Service</c>.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary><c>dynamodb.amazonaws.com</c>.</summary>
    [JsonPropertyName("principalId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrincipalId { get; set; }
}

/// <summary>A DynamoDB stream record: the keys and the item's images.</summary>
[LambdaJson]
public sealed partial class StreamRecord
{
    /// <summary>When the change was made, in epoch seconds (may be a fraction, may be in exponent form).</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ApproximateCreationDateTime { get; set; }

    /// <summary>The item's key attributes.</summary>
    [JsonPropertyName("Keys")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, AttributeValue>? Keys { get; set; }

    /// <summary>The item after the change (with NEW_IMAGE or NEW_AND_OLD_IMAGES).</summary>
    [JsonPropertyName("NewImage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, AttributeValue>? NewImage { get; set; }

    /// <summary>The item before the change (with OLD_IMAGE or NEW_AND_OLD_IMAGES).</summary>
    [JsonPropertyName("OldImage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, AttributeValue>? OldImage { get; set; }

    /// <summary>The record's sequence number; a failed record's <see cref="SQSBatchItemFailure.ItemIdentifier"/>.</summary>
    [JsonPropertyName("SequenceNumber")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SequenceNumber { get; set; }

    /// <summary>The record's size in bytes.</summary>
    [JsonPropertyName("SizeBytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeBytes { get; set; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StreamViewType { get; set; }

    /// <summary><see cref="ApproximateCreationDateTime"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateCreationTime => EpochTime.FromSeconds(ApproximateCreationDateTime);
}
