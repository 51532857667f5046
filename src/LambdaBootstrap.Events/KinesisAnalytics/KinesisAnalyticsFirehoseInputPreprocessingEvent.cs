using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends its input preprocessing function when its source is a
/// Firehose stream. The function answers with a <see cref="KinesisAnalyticsInputPreprocessingResponse"/>.
/// </summary>
public sealed class KinesisAnalyticsFirehoseInputPreprocessingEvent : KinesisAnalyticsInputPreprocessingEvent<KinesisAnalyticsFirehoseInputPreprocessingEvent.FirehoseRecord>
{
    /// <summary>One record of the Firehose stream.</summary>
    public sealed class FirehoseRecord : KinesisAnalyticsRecord
    {
        /// <summary>When the record reached Firehose.</summary>
        [JsonPropertyName("kinesisFirehoseRecordMetadata")]
        public KinesisFirehoseRecordMetadata? RecordMetadata { get; set; }
    }

    /// <summary>When a record reached its Firehose stream.</summary>
    public sealed class KinesisFirehoseRecordMetadata
    {
        /// <summary>In epoch milliseconds.</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        public long? ApproximateArrivalTimestamp { get; set; }

        /// <summary><see cref="ApproximateArrivalTimestamp"/> as a point in time, or null without it.</summary>
        [JsonIgnore]
        public DateTimeOffset? ApproximateArrivalTime => EpochTime.FromMilliseconds(ApproximateArrivalTimestamp);
    }
}
