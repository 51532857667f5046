using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>What a Firehose transformation function returns: each record, transformed, dropped or failed.</summary>
[LambdaJson]
public sealed partial class KinesisFirehoseResponse
{
    /// <summary>One entry per record of the event, with its <c>recordId</c>.</summary>
    [JsonPropertyName("records")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<KinesisFirehoseResponse.FirehoseRecord>? Records { get; set; }

    /// <summary>The record was transformed: <see cref="FirehoseRecord.Base64EncodedData"/> is the new data.</summary>
    public const string TRANSFORMED_STATE_OK = "Ok";

    /// <summary>The record is dropped on purpose.</summary>
    public const string TRANSFORMED_STATE_DROPPED = "Dropped";

    /// <summary>The record could not be transformed: Firehose sends it to the error output.</summary>
    public const string TRANSFORMED_STATE_PROCESSINGFAILED = "ProcessingFailed";

    /// <summary>One transformed record.</summary>
    [LambdaJson]
    public sealed partial class FirehoseRecord
    {
        /// <summary>The event record's id.</summary>
        [JsonPropertyName("recordId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? RecordId { get; set; }

        /// <summary><c>Ok</c>, <c>Dropped</c> or <c>ProcessingFailed</c>.</summary>
        [JsonPropertyName("result")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Result { get; set; }

        /// <summary>The transformed data, base64-encoded.</summary>
        [JsonPropertyName("data")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Base64EncodedData { get; set; }

        /// <summary>Dynamic partitioning: the record's partition keys.</summary>
        [JsonPropertyName("metadata")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public KinesisFirehoseResponseMetadata? Metadata { get; set; }

        /// <summary>Sets <see cref="Base64EncodedData"/> from the transformed bytes.</summary>
        public void EncodeData(ReadOnlySpan<byte> data) => Base64EncodedData = Convert.ToBase64String(data);
    }
}

/// <summary>Dynamic partitioning metadata of a transformed record.</summary>
[LambdaJson]
public sealed partial class KinesisFirehoseResponseMetadata
{
    /// <summary>The partition keys, by name.</summary>
    [JsonPropertyName("partitionKeys")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? PartitionKeys { get; set; }
}
