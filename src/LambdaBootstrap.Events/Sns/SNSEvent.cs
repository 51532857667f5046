using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The event Lambda sends for a notification from an Amazon SNS topic.</summary>
public sealed class SNSEvent
{
    /// <summary>The notifications (one per event, in practice).</summary>
    [JsonPropertyName("Records")]
    public List<SNSRecord>? Records { get; set; }
}

/// <summary>One record of an SNS event: the subscription and its message.</summary>
public sealed class SNSRecord
{
    /// <summary>The event's format version, <c>1.0</c>.</summary>
    [JsonPropertyName("EventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>The ARN of the subscription that delivered the message.</summary>
    [JsonPropertyName("EventSubscriptionArn")]
    public string? EventSubscriptionArn { get; set; }

    /// <summary>Always <c>aws:sns</c>.</summary>
    [JsonPropertyName("EventSource")]
    public string? EventSource { get; set; }

    /// <summary>The message.</summary>
    [JsonPropertyName("Sns")]
    public SNSMessage? Sns { get; set; }
}

/// <summary>An SNS message as delivered to Lambda.</summary>
public sealed class SNSMessage
{
    /// <summary>The signature's version.</summary>
    [JsonPropertyName("SignatureVersion")]
    public string? SignatureVersion { get; set; }

    /// <summary>When the message was published.</summary>
    [JsonConverter(typeof(IsoTimeConverter))]
    [JsonPropertyName("Timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The message's signature, base64.</summary>
    [JsonPropertyName("Signature")]
    public string? Signature { get; set; }

    /// <summary>Where the certificate that signed the message is.</summary>
    [JsonPropertyName("SigningCertUrl")]
    public string? SigningCertUrl { get; set; }

    /// <summary>The message's id.</summary>
    [JsonPropertyName("MessageId")]
    public string? MessageId { get; set; }

    /// <summary>The message text.</summary>
    [JsonPropertyName("Message")]
    public string? Message { get; set; }

    /// <summary>The message's attributes, by name.</summary>
    [JsonPropertyName("MessageAttributes")]
    public Dictionary<string, SNSMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>The message type, <c>Notification</c>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    /// <summary>The URL that unsubscribes the endpoint.</summary>
    [JsonPropertyName("UnsubscribeUrl")]
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The topic's ARN.</summary>
    [JsonPropertyName("TopicArn")]
    public string? TopicArn { get; set; }

    /// <summary>The subject, when the publisher gave one.</summary>
    [JsonPropertyName("Subject")]
    public string? Subject { get; set; }
}

/// <summary>An SNS message attribute.</summary>
public sealed class SNSMessageAttribute
{
    /// <summary><c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    /// <summary>The value, as text (binary values are base64).</summary>
    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}
