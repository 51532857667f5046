using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A batch of a stream with a tumbling window: the records, the window and the state so far. Kinesis's and DynamoDB
/// Streams' forms (<see cref="KinesisTimeWindowEvent"/>, <see cref="DynamoDBTimeWindowEvent"/>) differ only in their records.
/// </summary>
/// <typeparam name="TRecord">The stream's record.</typeparam>
public abstract class TimeWindowEvent<TRecord>
{
    /// <summary>The records.</summary>
    [JsonPropertyName("Records")]
    public List<TRecord>? Records { get; set; }

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
