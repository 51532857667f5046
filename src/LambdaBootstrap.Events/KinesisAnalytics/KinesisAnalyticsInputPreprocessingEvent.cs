using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What a Kinesis Data Analytics (SQL) application sends its input preprocessing function: the same from a Kinesis data
/// stream (<see cref="KinesisAnalyticsStreamsInputPreprocessingEvent"/>) or a Firehose stream
/// (<see cref="KinesisAnalyticsFirehoseInputPreprocessingEvent"/>), but for the records' metadata. The function answers
/// with a <see cref="KinesisAnalyticsInputPreprocessingResponse"/>.
/// </summary>
/// <typeparam name="TRecord">The source's record.</typeparam>
public abstract class KinesisAnalyticsInputPreprocessingEvent<TRecord>
    where TRecord : KinesisAnalyticsRecord
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
    public List<TRecord>? Records { get; set; }
}
