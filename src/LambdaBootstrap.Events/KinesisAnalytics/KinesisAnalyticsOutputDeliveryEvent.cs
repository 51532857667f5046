using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends a function configured as its output: the application's
/// results. The function answers with a <see cref="KinesisAnalyticsOutputDeliveryResponse"/>.
/// </summary>
public sealed class KinesisAnalyticsOutputDeliveryEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The application's ARN.</summary>
    [JsonPropertyName("applicationArn")]
    public string? ApplicationArn { get; set; }

    /// <summary>The records to deliver.</summary>
    [JsonPropertyName("records")]
    public List<DeliveryRecord>? Records { get; set; }

    /// <summary>One result record.</summary>
    public sealed class DeliveryRecord : KinesisAnalyticsRecord
    {
        /// <summary>How often delivery of this record was tried before.</summary>
        [JsonPropertyName("lambdaDeliveryRecordMetadata")]
        public DeliveryRecordMetadata? RecordMetadata { get; set; }
    }

    /// <summary>The delivery's retries.</summary>
    public sealed class DeliveryRecordMetadata
    {
        /// <summary>A number that grows with each retry of the record.</summary>
        [JsonPropertyName("retryHint")]
        public long? RetryHint { get; set; }
    }
}
