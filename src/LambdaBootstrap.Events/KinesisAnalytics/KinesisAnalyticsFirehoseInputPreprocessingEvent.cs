using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends its input preprocessing function when its source is a
/// Firehose stream. The function answers with a <see cref="KinesisAnalyticsInputPreprocessingResponse"/>.
/// </summary>
public sealed class KinesisAnalyticsFirehoseInputPreprocessingEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The application's ARN.</summary>
    [JsonPropertyName("applicationArn")]
    public string? ApplicationArn { get; set; }

    /// <summary>The source Firehose stream's ARN.</summary>
    [JsonPropertyName("streamArn")]
    public string? StreamArn { get; set; }

    /// <summary>The records to preprocess.</summary>
    [JsonPropertyName("records")]
    public List<FirehoseRecord>? Records { get; set; }

    /// <summary>One record of the Firehose stream.</summary>
    public sealed class FirehoseRecord
    {
        /// <summary>The id the response must give back.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary>When the record reached Firehose.</summary>
        [JsonPropertyName("kinesisFirehoseRecordMetadata")]
        public KinesisFirehoseRecordMetadata? RecordMetadata { get; set; }

        /// <summary>The data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>The data's bytes.</summary>
        public byte[] DecodeData() => Convert.FromBase64String(Base64EncodedData ?? "");
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
