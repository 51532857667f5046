using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>What Amazon Data Firehose sends a transformation function: a batch of records to transform.</summary>
[LambdaJson]
public sealed partial class KinesisFirehoseEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InvocationId { get; set; }

    /// <summary>The Firehose stream's ARN.</summary>
    [JsonPropertyName("deliveryStreamArn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeliveryStreamArn { get; set; }

    /// <summary>The Kinesis data stream the Firehose stream reads, when it reads one.</summary>
    [JsonPropertyName("sourceKinesisStreamArn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceKinesisStreamArn { get; set; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Region { get; set; }

    /// <summary>The records.</summary>
    [JsonPropertyName("records")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<KinesisFirehoseEvent.FirehoseRecord>? Records { get; set; }

    /// <summary>One record to transform.</summary>
    [LambdaJson]
    public sealed partial class FirehoseRecord
    {
        /// <summary>The record's id: the response's record carries the same one.</summary>
        [JsonPropertyName("recordId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? RecordId { get; set; }

        /// <summary>When Firehose received the record, in epoch milliseconds.</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? ApproximateArrivalEpoch { get; set; }

        /// <summary>The data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Base64EncodedData { get; set; }

        /// <summary>Where the record came from, when the source is a Kinesis data stream.</summary>
        [JsonPropertyName("kinesisRecordMetadata")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public KinesisFirehoseRecordMetadata? KinesisRecordMetadata { get; set; }

        /// <summary>The data, decoded.</summary>
        public byte[] DecodeData() => Convert.FromBase64String(Base64EncodedData ?? "");

        /// <summary><see cref="ApproximateArrivalEpoch"/> as a point in time, or null without it.</summary>
        [JsonIgnore]
        public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromMilliseconds(ApproximateArrivalEpoch);
    }
}

/// <summary>The Kinesis data stream record behind a Firehose record.</summary>
[LambdaJson]
public sealed partial class KinesisFirehoseRecordMetadata
{
    /// <summary>The shard.</summary>
    [JsonPropertyName("shardId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShardId { get; set; }

    /// <summary>The partition key.</summary>
    [JsonPropertyName("partitionKey")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PartitionKey { get; set; }

    /// <summary>When the record reached the stream, in epoch milliseconds.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ApproximateArrivalEpoch { get; set; }

    /// <summary>The record's sequence number.</summary>
    [JsonPropertyName("sequenceNumber")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SequenceNumber { get; set; }

    /// <summary>The sub-record's number in an aggregated record.</summary>
    [JsonPropertyName("subsequenceNumber")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubsequenceNumber { get; set; }
}
