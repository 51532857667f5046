using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Lambda sends for a batch of messages from an Amazon MQ for RabbitMQ broker.</summary>
public sealed class RabbitMQEvent
{
    /// <summary><c>aws:rmq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The broker's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The messages, by <c>queue::virtual-host</c>.</summary>
    [JsonPropertyName("rmqMessagesByQueue")]
    public Dictionary<string, List<RabbitMQMessage>>? RmqMessagesByQueue { get; set; }
}

/// <summary>One RabbitMQ message; <see cref="Data"/> is base64-encoded.</summary>
public sealed class RabbitMQMessage
{
    /// <summary>The AMQP properties.</summary>
    [JsonPropertyName("basicProperties")]
    public RabbitMQBasicProperties? BasicProperties { get; set; }

    /// <summary>Whether it was delivered before.</summary>
    [JsonPropertyName("redelivered")]
    public bool? Redelivered { get; set; }

    /// <summary>The body, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; set; }

    /// <summary>The body's bytes.</summary>
    public byte[] DecodeData() => Convert.FromBase64String(Data ?? "");
}

/// <summary>The AMQP basic properties of a RabbitMQ message.</summary>
public sealed class RabbitMQBasicProperties
{
    /// <summary>The body's MIME type.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    /// <summary>The body's encoding.</summary>
    [JsonPropertyName("contentEncoding")]
    public string? ContentEncoding { get; set; }

    /// <summary>The headers: strings arrive as byte arrays, other values as they are.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, JsonElement>? Headers { get; set; }

    /// <summary>1 non-persistent, 2 persistent.</summary>
    [JsonPropertyName("deliveryMode")]
    public int? DeliveryMode { get; set; }

    /// <summary>The priority.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    /// <summary>The correlation id.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; set; }

    /// <summary>Where replies go.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; set; }

    /// <summary>The expiration, in milliseconds, as text.</summary>
    [JsonPropertyName("expiration")]
    public string? Expiration { get; set; }

    /// <summary>The message's id.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>When it was sent.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>The message type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The user that published it.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>The publishing application.</summary>
    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    /// <summary>The cluster.</summary>
    [JsonPropertyName("clusterId")]
    public string? ClusterId { get; set; }

    /// <summary>The body's size in bytes.</summary>
    [JsonPropertyName("bodySize")]
    public int? BodySize { get; set; }
}
