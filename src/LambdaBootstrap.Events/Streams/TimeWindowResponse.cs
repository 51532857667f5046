using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a tumbling-window function returns for Kinesis or DynamoDB Streams: the state to pass on, and the records that failed.</summary>
public sealed class TimeWindowResponse
{
    /// <summary>The state for the window's next invocation.</summary>
    [JsonPropertyName("state")]
    public Dictionary<string, string>? State { get; set; }

    /// <summary>The records that failed.</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<StreamsEventResponse.BatchItemFailure>? BatchItemFailures { get; set; }
}
