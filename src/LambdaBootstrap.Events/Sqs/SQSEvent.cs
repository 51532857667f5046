using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

/// <summary>The event Lambda sends for a batch of messages from an Amazon SQS queue.</summary>
[LambdaJson]
public sealed partial class SQSEvent
{
    /// <summary>The messages of the batch.</summary>
    [JsonPropertyName("Records")]
    public List<SQSMessage>? Records { get; set; }
}

/// <summary>One SQS message of a batch.</summary>
[LambdaJson]
public sealed partial class SQSMessage
{
    /// <summary>The message's id; the <see cref="SQSBatchItemFailure.ItemIdentifier"/> of a failed item.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>The handle that deletes the message or changes its visibility.</summary>
    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; set; }

    /// <summary>The message body, as sent.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>System attributes such as <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c> (epoch milliseconds, as text) and <c>MessageGroupId</c>.</summary>
    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>The sender's message attributes, by name.</summary>
    [JsonPropertyName("messageAttributes")]
    public Dictionary<string, SQSMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>The MD5 digest of the body, hex.</summary>
    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; set; }

    /// <summary>The MD5 digest of the message attributes, hex, when there are any.</summary>
    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; set; }

    /// <summary>Always <c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The queue's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>The queue's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>When the message was sent: the <c>SentTimestamp</c> attribute, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? SentTime => EpochTime.FromMillisecondsText(Attributes, "SentTimestamp");

    /// <summary>When the message was first received: the <c>ApproximateFirstReceiveTimestamp</c> attribute, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateFirstReceiveTime => EpochTime.FromMillisecondsText(Attributes, "ApproximateFirstReceiveTimestamp");
}

/// <summary>A message attribute: a string, number or binary value, or lists of them.</summary>
[LambdaJson]
public sealed partial class SQSMessageAttribute
{
    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute.</summary>
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; set; }

    /// <summary>The value of a <c>Binary</c> attribute (base64 in the event).</summary>
    [JsonPropertyName("binaryValue")]
    public byte[]? BinaryValue { get; set; }

    /// <summary>Reserved by SQS for lists of strings.</summary>
    [JsonPropertyName("stringListValues")]
    public List<string>? StringListValues { get; set; }

    /// <summary>Reserved by SQS for lists of binary values.</summary>
    [JsonPropertyName("binaryListValues")]
    public List<byte[]>? BinaryListValues { get; set; }

    /// <summary><c>String</c>, <c>Number</c> or <c>Binary</c>, with an optional custom suffix (<c>Number.float</c>).</summary>
    [JsonPropertyName("dataType")]
    public string? DataType { get; set; }
}
