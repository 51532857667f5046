using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The decoded content of a CloudWatch Logs event: which log stream, and its log events.</summary>
public sealed class CloudWatchLogsData
{
    /// <summary><c>DATA_MESSAGE</c>, or <c>CONTROL_MESSAGE</c> for the reachability check CloudWatch sends.</summary>
    [JsonPropertyName("messageType")]
    public string? MessageType { get; set; }

    /// <summary>The account that owns the log group.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    /// <summary>The log group's name.</summary>
    [JsonPropertyName("logGroup")]
    public string? LogGroup { get; set; }

    /// <summary>The log stream's name.</summary>
    [JsonPropertyName("logStream")]
    public string? LogStream { get; set; }

    /// <summary>The subscription filters that matched.</summary>
    [JsonPropertyName("subscriptionFilters")]
    public List<string>? SubscriptionFilters { get; set; }

    /// <summary>The log events.</summary>
    [JsonPropertyName("logEvents")]
    public List<CloudWatchLogsLogEvent>? LogEvents { get; set; }
}

/// <summary>One log event.</summary>
public sealed class CloudWatchLogsLogEvent
{
    /// <summary>The event's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>When it was logged, in epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    /// <summary>The log line.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary><see cref="Timestamp"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? Time => EpochTime.FromMilliseconds(Timestamp);
}
