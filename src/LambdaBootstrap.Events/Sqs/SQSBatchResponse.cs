using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

/// <summary>
/// The partial batch response of an SQS (or Kinesis, DynamoDB Streams) function with <c>ReportBatchItemFailures</c>:
/// only the listed messages go back to the queue. An empty list means the whole batch succeeded.
/// </summary>
[LambdaJson]
public sealed partial class SQSBatchResponse
{
    /// <summary>The messages that failed.</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<SQSBatchItemFailure> BatchItemFailures { get; set; } = [];
}

/// <summary>One failed message of a batch.</summary>
[LambdaJson]
public sealed partial class SQSBatchItemFailure
{
    /// <summary>The failed message's <see cref="SQSMessage.MessageId"/> (a sequence number for streams).</summary>
    [JsonPropertyName("itemIdentifier")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ItemIdentifier { get; set; }
}
