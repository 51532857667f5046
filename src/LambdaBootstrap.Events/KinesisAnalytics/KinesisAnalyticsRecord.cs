using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A record that Kinesis Data Analytics hands a function, to preprocess or to deliver: its id and data. Each kind adds
/// its own metadata.
/// </summary>
public abstract class KinesisAnalyticsRecord
{
    /// <summary>The id the response must give back.</summary>
    [JsonPropertyName("recordId")]
    public string? RecordId { get; set; }

    /// <summary>The data, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Base64EncodedData { get; set; }

    /// <summary>The data's bytes.</summary>
    public byte[] DecodeData() => Convert.FromBase64String(Base64EncodedData ?? "");
}
