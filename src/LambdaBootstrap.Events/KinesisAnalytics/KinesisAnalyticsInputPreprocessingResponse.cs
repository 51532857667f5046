using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an input preprocessing function returns to Kinesis Data Analytics: each record, transformed, dropped or failed.</summary>
public sealed class KinesisAnalyticsInputPreprocessingResponse
{
    /// <summary>The record was preprocessed: <see cref="Record.Base64EncodedData"/> is the new data.</summary>
    public const string OK = "Ok";

    /// <summary>The record is dropped on purpose.</summary>
    public const string DROPPED = "Dropped";

    /// <summary>The record could not be preprocessed: the application sends it to its error stream.</summary>
    public const string PROCESSING_FAILED = "ProcessingFailed";

    /// <summary>One entry per record of the event, with its <c>recordId</c>.</summary>
    [JsonPropertyName("records")]
    public List<Record>? Records { get; set; }

    /// <summary>One preprocessed record.</summary>
    public sealed class Record
    {
        /// <summary>The event record's id.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary><c>Ok</c>, <c>Dropped</c> or <c>ProcessingFailed</c>.</summary>
        [JsonPropertyName("result")]
        public string? Result { get; set; }

        /// <summary>The preprocessed data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>Sets <see cref="Base64EncodedData"/> from the preprocessed bytes.</summary>
        public void EncodeData(ReadOnlySpan<byte> data) => Base64EncodedData = Convert.ToBase64String(data);
    }
}
