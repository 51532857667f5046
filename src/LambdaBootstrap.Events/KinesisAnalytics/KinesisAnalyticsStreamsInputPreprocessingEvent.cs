using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends its input preprocessing function when its source is a
/// Kinesis data stream. The function answers with a <see cref="KinesisAnalyticsInputPreprocessingResponse"/>.
/// </summary>
public sealed class KinesisAnalyticsStreamsInputPreprocessingEvent : KinesisAnalyticsInputPreprocessingEvent<KinesisAnalyticsStreamsInputPreprocessingEvent.StreamsRecord>
{
    /// <summary>One record of the stream.</summary>
    public sealed class StreamsRecord : KinesisAnalyticsRecord
    {
        /// <summary>Where the record is in the stream.</summary>
        [JsonPropertyName("kinesisStreamRecordMetadata")]
        public KinesisStreamRecordMetadata? RecordMetadata { get; set; }
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
