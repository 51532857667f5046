using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>A DynamoDB Streams event with a tumbling window: the records, the window and the state so far.</summary>
public sealed class DynamoDBTimeWindowEvent
{
    /// <summary>The records.</summary>
    [JsonPropertyName("Records")]
    public List<DynamodbStreamRecord>? Records { get; set; }

    /// <summary>The window: its start and end.</summary>
    [JsonPropertyName("window")]
    public TimeWindow? Window { get; set; }

    /// <summary>The state the previous invocation of the window returned.</summary>
    [JsonPropertyName("state")]
    public Dictionary<string, string>? State { get; set; }

    /// <summary>The shard.</summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>Whether this is the window's last invocation: act on the state.</summary>
    [JsonPropertyName("isFinalInvokeForWindow")]
    public bool? IsFinalInvokeForWindow { get; set; }

    /// <summary>Whether the window ended early, its state over 1 MB.</summary>
    [JsonPropertyName("isWindowTerminatedEarly")]
    public bool? IsWindowTerminatedEarly { get; set; }
}
