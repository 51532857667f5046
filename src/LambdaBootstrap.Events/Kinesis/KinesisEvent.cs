using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The event Lambda sends for a batch of records from a Kinesis data stream.</summary>
public sealed class KinesisEvent
{
    /// <summary>The records, in order per shard.</summary>
    [JsonPropertyName("Records")]
    public List<KinesisEventRecord>? Records { get; set; }
}

/// <summary>One record of a Kinesis event, with where it came from.</summary>
public sealed class KinesisEventRecord
{
    /// <summary>The record.</summary>
    [JsonPropertyName("kinesis")]
    public KinesisRecord? Kinesis { get; set; }

    /// <summary>Always <c>aws:kinesis</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The event's format version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>The shard id and sequence number.</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary><c>aws:kinesis:record</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>The role Lambda read the stream with.</summary>
    [JsonPropertyName("invokeIdentityArn")]
    public string? InvokeIdentityArn { get; set; }

    /// <summary>The stream's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }
}

/// <summary>A Kinesis record: the data and its place in the stream.</summary>
public sealed class KinesisRecord
{
    /// <summary>The schema version.</summary>
    [JsonPropertyName("kinesisSchemaVersion")]
    public string? KinesisSchemaVersion { get; set; }

    /// <summary>The partition key the producer gave.</summary>
    [JsonPropertyName("partitionKey")]
    public string? PartitionKey { get; set; }

    /// <summary>The record's sequence number; a failed record's <see cref="SQSBatchItemFailure.ItemIdentifier"/>.</summary>
    [JsonPropertyName("sequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>The data, decoded from the event's base64.</summary>
    [JsonPropertyName("data")]
    public byte[]? Data { get; set; }

    /// <summary>When the record reached the stream, in epoch seconds with a fraction.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public double? ApproximateArrivalTimestamp { get; set; }

    /// <summary><c>NONE</c> or <c>KMS</c>.</summary>
    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; set; }

    /// <summary><see cref="ApproximateArrivalTimestamp"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromSeconds(ApproximateArrivalTimestamp);
}
