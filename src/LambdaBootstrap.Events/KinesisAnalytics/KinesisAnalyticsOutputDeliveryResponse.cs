using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an output function returns to Kinesis Data Analytics: each record delivered or failed.</summary>
public sealed class KinesisAnalyticsOutputDeliveryResponse
{
    /// <summary>The record was delivered.</summary>
    public const string OK = "Ok";

    /// <summary>The record could not be delivered: the application sends it again.</summary>
    public const string DELIVERY_FAILED = "DeliveryFailed";

    /// <summary>One entry per record of the event, with its <c>recordId</c>.</summary>
    [JsonPropertyName("records")]
    public List<Record>? Records { get; set; }

    /// <summary>One record's outcome.</summary>
    public sealed class Record
    {
        /// <summary>The event record's id.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary><c>Ok</c> or <c>DeliveryFailed</c>.</summary>
        [JsonPropertyName("result")]
        public string? Result { get; set; }
    }
}
