using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Lambda sends for a batch of messages from an Amazon MQ for ActiveMQ broker.</summary>
public sealed class ActiveMQEvent
{
    /// <summary><c>aws:mq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The broker's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The messages.</summary>
    [JsonPropertyName("messages")]
    public List<ActiveMQMessage>? Messages { get; set; }
}

/// <summary>One ActiveMQ message; <see cref="Data"/> is base64-encoded.</summary>
public sealed class ActiveMQMessage
{
    /// <summary>The message's id.</summary>
    [JsonPropertyName("messageID")]
    public string? MessageId { get; set; }

    /// <summary><c>jms/text-message</c> or <c>jms/bytes-message</c>.</summary>
    [JsonPropertyName("messageType")]
    public string? MessageType { get; set; }

    /// <summary>When it was sent, in epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    /// <summary>1 non-persistent, 2 persistent.</summary>
    [JsonPropertyName("deliveryMode")]
    public int? DeliveryMode { get; set; }

    /// <summary>The correlation id.</summary>
    [JsonPropertyName("correlationID")]
    public string? CorrelationId { get; set; }

    /// <summary>Where replies go.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; set; }

    /// <summary>The queue.</summary>
    [JsonPropertyName("destination")]
    public ActiveMQDestination? Destination { get; set; }

    /// <summary>Whether it was delivered before.</summary>
    [JsonPropertyName("redelivered")]
    public bool? Redelivered { get; set; }

    /// <summary>The JMS type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>When it expires, in epoch milliseconds (0: never).</summary>
    [JsonPropertyName("expiration")]
    public long? Expiration { get; set; }

    /// <summary>The JMS priority.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    /// <summary>The body, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; set; }

    /// <summary>When the broker received it, in epoch milliseconds.</summary>
    [JsonPropertyName("brokerInTime")]
    public long? BrokerInTime { get; set; }

    /// <summary>When the broker sent it on, in epoch milliseconds.</summary>
    [JsonPropertyName("brokerOutTime")]
    public long? BrokerOutTime { get; set; }

    /// <summary>The message's properties.</summary>
    [JsonPropertyName("properties")]
    public Dictionary<string, string>? Properties { get; set; }

    /// <summary>The body's bytes.</summary>
    public byte[] DecodeData() => Convert.FromBase64String(Data ?? "");
}

/// <summary>The destination of an ActiveMQ message.</summary>
public sealed class ActiveMQDestination
{
    /// <summary>The queue's name.</summary>
    [JsonPropertyName("physicalName")]
    public string? PhysicalName { get; set; }
}
