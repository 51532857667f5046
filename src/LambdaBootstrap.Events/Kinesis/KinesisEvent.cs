using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>The event Lambda sends for a batch of records from a Kinesis data stream.</summary>
[LambdaJson]
public sealed partial class KinesisEvent
{
    /// <summary>The records, in order per shard.</summary>
    [JsonPropertyName("Records")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<KinesisEventRecord>? Records { get; set; }
}

/// <summary>One record of a Kinesis event, with where it came from.</summary>
[LambdaJson]
public sealed partial class KinesisEventRecord
{
    /// <summary>The record.</summary>
    [JsonPropertyName("kinesis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KinesisRecord? Kinesis { get; set; }

    /// <summary>Always <c>aws:kinesis</c>.</summary>
    [JsonPropertyName("eventSource")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventSource { get; set; }

    /// <summary>The event's format version.</summary>
    [JsonPropertyName("eventVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventVersion { get; set; }

    /// <summary>The shard id and sequence number.</summary>
    [JsonPropertyName("eventID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventId { get; set; }

    /// <summary><c>aws:kinesis:record</c>.</summary>
    [JsonPropertyName("eventName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventName { get; set; }

    /// <summary>The role Lambda read the stream with.</summary>
    [JsonPropertyName("invokeIdentityArn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InvokeIdentityArn { get; set; }

    /// <summary>The stream's region.</summary>
    [JsonPropertyName("awsRegion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AwsRegion { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventSourceArn { get; set; }
}

/// <summary>A Kinesis record: the data and its place in the stream.</summary>
[LambdaJson]
public sealed partial class KinesisRecord
{
    /// <summary>The schema version.</summary>
    [JsonPropertyName("kinesisSchemaVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KinesisSchemaVersion { get; set; }

    /// <summary>The partition key the producer gave.</summary>
    [JsonPropertyName("partitionKey")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PartitionKey { get; set; }

    /// <summary>The record's sequence number; a failed record's <see cref="SQSBatchItemFailure.ItemIdentifier"/>.</summary>
    [JsonPropertyName("sequenceNumber")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SequenceNumber { get; set; }

    /// <summary>The data, decoded from the event's base64.</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public byte[]? Data { get; set; }

    /// <summary>When the record reached the stream, in epoch seconds with a fraction.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ApproximateArrivalTimestamp { get; set; }

    /// <summary><c>NONE</c> or <c>KMS</c>.</summary>
    [JsonPropertyName("encryptionType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EncryptionType { get; set; }

    /// <summary><see cref="ApproximateArrivalTimestamp"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromSeconds(ApproximateArrivalTimestamp);
}
