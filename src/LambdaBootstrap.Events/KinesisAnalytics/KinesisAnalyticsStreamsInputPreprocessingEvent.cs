using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends its input preprocessing function when its source is a
/// Kinesis data stream. The function answers with a <see cref="KinesisAnalyticsInputPreprocessingResponse"/>.
/// </summary>
public sealed class KinesisAnalyticsStreamsInputPreprocessingEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The application's ARN.</summary>
    [JsonPropertyName("applicationArn")]
    public string? ApplicationArn { get; set; }

    /// <summary>The source stream's ARN.</summary>
    [JsonPropertyName("streamArn")]
    public string? StreamArn { get; set; }

    /// <summary>The records to preprocess.</summary>
    [JsonPropertyName("records")]
    public List<StreamsRecord>? Records { get; set; }

    /// <summary>One record of the stream.</summary>
    public sealed class StreamsRecord
    {
        /// <summary>The id the response must give back.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary>Where the record is in the stream.</summary>
        [JsonPropertyName("kinesisStreamRecordMetadata")]
        public KinesisStreamRecordMetadata? RecordMetadata { get; set; }

        /// <summary>The data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>The data's bytes.</summary>
        public byte[] DecodeData() => Convert.FromBase64String(Base64EncodedData ?? "");
    }

    /// <summary>Where a record is in its Kinesis data stream.</summary>
    public sealed class KinesisStreamRecordMetadata
    {
        /// <summary>The shard.</summary>
        [JsonPropertyName("shardId")]
        public string? ShardId { get; set; }

        /// <summary>The partition key.</summary>
        [JsonPropertyName("partitionKey")]
        public string? PartitionKey { get; set; }

        /// <summary>The sequence number.</summary>
        [JsonPropertyName("sequenceNumber")]
        public string? SequenceNumber { get; set; }

        /// <summary>When the record reached the stream, in epoch milliseconds.</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        public long? ApproximateArrivalTimestamp { get; set; }

        /// <summary><see cref="ApproximateArrivalTimestamp"/> as a point in time, or null without it.</summary>
        [JsonIgnore]
        public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromMilliseconds(ApproximateArrivalTimestamp);
    }
}
