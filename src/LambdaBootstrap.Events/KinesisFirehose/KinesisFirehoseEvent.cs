using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Amazon Data Firehose sends a transformation function: a batch of records to transform.</summary>
public sealed class KinesisFirehoseEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The Firehose stream's ARN.</summary>
    [JsonPropertyName("deliveryStreamArn")]
    public string? DeliveryStreamArn { get; set; }

    /// <summary>The Kinesis data stream the Firehose stream reads, when it reads one.</summary>
    [JsonPropertyName("sourceKinesisStreamArn")]
    public string? SourceKinesisStreamArn { get; set; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The records.</summary>
    [JsonPropertyName("records")]
    public List<KinesisFirehoseEvent.FirehoseRecord>? Records { get; set; }

    /// <summary>One record to transform.</summary>
    public sealed class FirehoseRecord
    {
        /// <summary>The record's id: the response's record carries the same one.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary>When Firehose received the record, in epoch milliseconds.</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        public long? ApproximateArrivalEpoch { get; set; }

        /// <summary>The data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>Where the record came from, when the source is a Kinesis data stream.</summary>
        [JsonPropertyName("kinesisRecordMetadata")]
        public KinesisFirehoseRecordMetadata? KinesisRecordMetadata { get; set; }

        /// <summary>The data, decoded.</summary>
        public byte[] DecodeData() => Convert.FromBase64String(Base64EncodedData ?? "");

        /// <summary><see cref="ApproximateArrivalEpoch"/> as a point in time, or null without it.</summary>
        [JsonIgnore]
        public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromMilliseconds(ApproximateArrivalEpoch);
    }
}

/// <summary>The Kinesis data stream record behind a Firehose record.</summary>
public sealed class KinesisFirehoseRecordMetadata
{
    /// <summary>The shard.</summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>The partition key.</summary>
    [JsonPropertyName("partitionKey")]
    public string? PartitionKey { get; set; }

    /// <summary>When the record reached the stream, in epoch milliseconds.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public long? ApproximateArrivalEpoch { get; set; }

    /// <summary>The record's sequence number.</summary>
    [JsonPropertyName("sequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>The sub-record's number in an aggregated record.</summary>
    [JsonPropertyName("subsequenceNumber")]
    public string? SubsequenceNumber { get; set; }
}
