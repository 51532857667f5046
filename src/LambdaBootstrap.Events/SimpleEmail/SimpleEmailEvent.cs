using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>What Amazon SES email receiving sends a Lambda action: the message's headers and the receipt's verdicts (not the body).</summary>
[LambdaJson]
public sealed partial class SimpleEmailEvent
{
    /// <summary>The received messages.</summary>
    [JsonPropertyName("Records")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<SimpleEmailRecord>? Records { get; set; }
}

/// <summary>One received message.</summary>
[LambdaJson]
public sealed partial class SimpleEmailRecord
{
    /// <summary><c>aws:ses</c>.</summary>
    [JsonPropertyName("eventSource")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventSource { get; set; }

    /// <summary>The format version.</summary>
    [JsonPropertyName("eventVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventVersion { get; set; }

    /// <summary>The message and its receipt.</summary>
    [JsonPropertyName("ses")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailService? Ses { get; set; }
}

/// <summary>A received message and its receipt.</summary>
[LambdaJson]
public sealed partial class SimpleEmailService
{
    /// <summary>The message.</summary>
    [JsonPropertyName("mail")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailMessage? Mail { get; set; }

    /// <summary>The receipt.</summary>
    [JsonPropertyName("receipt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailReceipt? Receipt { get; set; }
}

/// <summary>The headers of a received message.</summary>
[LambdaJson]
public sealed partial class SimpleEmailMessage
{
    /// <summary>When it was received (ISO 8601).</summary>
    [JsonPropertyName("timestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timestamp { get; set; }

    /// <summary>The envelope sender (<c>MAIL FROM</c>).</summary>
    [JsonPropertyName("source")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; set; }

    /// <summary>SES's id for the message.</summary>
    [JsonPropertyName("messageId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageId { get; set; }

    /// <summary>The envelope recipients.</summary>
    [JsonPropertyName("destination")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Destination { get; set; }

    /// <summary>Whether the headers were cut short.</summary>
    [JsonPropertyName("headersTruncated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HeadersTruncated { get; set; }

    /// <summary>The headers, in order.</summary>
    [JsonPropertyName("headers")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<SimpleEmailHeader>? Headers { get; set; }

    /// <summary>The common headers, parsed.</summary>
    [JsonPropertyName("commonHeaders")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailCommonHeaders? CommonHeaders { get; set; }
}

/// <summary>One email header.</summary>
[LambdaJson]
public sealed partial class SimpleEmailHeader
{
    /// <summary>The header's name.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    /// <summary>The header's value.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; set; }
}

/// <summary>The common headers of a received message.</summary>
[LambdaJson]
public sealed partial class SimpleEmailCommonHeaders
{
    /// <summary><c>Return-Path</c>.</summary>
    [JsonPropertyName("returnPath")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReturnPath { get; set; }

    /// <summary><c>From</c>.</summary>
    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? From { get; set; }

    /// <summary><c>Date</c>, as sent.</summary>
    [JsonPropertyName("date")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; set; }

    /// <summary><c>To</c>.</summary>
    [JsonPropertyName("to")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? To { get; set; }

    /// <summary><c>Cc</c>.</summary>
    [JsonPropertyName("cc")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Cc { get; set; }

    /// <summary><c>Bcc</c>.</summary>
    [JsonPropertyName("bcc")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Bcc { get; set; }

    /// <summary><c>Sender</c>.</summary>
    [JsonPropertyName("sender")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Sender { get; set; }

    /// <summary><c>Reply-To</c>.</summary>
    [JsonPropertyName("replyTo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ReplyTo { get; set; }

    /// <summary><c>Message-ID</c>.</summary>
    [JsonPropertyName("messageId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageId { get; set; }

    /// <summary><c>Subject</c>.</summary>
    [JsonPropertyName("subject")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subject { get; set; }
}

/// <summary>SES's receipt of a message: verdicts and the action.</summary>
[LambdaJson]
public sealed partial class SimpleEmailReceipt
{
    /// <summary>When the receipt was made (ISO 8601).</summary>
    [JsonPropertyName("timestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Timestamp { get; set; }

    /// <summary>How long SES took, in milliseconds.</summary>
    [JsonPropertyName("processingTimeMillis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ProcessingTimeMillis { get; set; }

    /// <summary>The recipients the rule matched.</summary>
    [JsonPropertyName("recipients")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Recipients { get; set; }

    /// <summary>The spam scan.</summary>
    [JsonPropertyName("spamVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailVerdict? SpamVerdict { get; set; }

    /// <summary>The virus scan.</summary>
    [JsonPropertyName("virusVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailVerdict? VirusVerdict { get; set; }

    /// <summary>The SPF check.</summary>
    [JsonPropertyName("spfVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailVerdict? SpfVerdict { get; set; }

    /// <summary>The DKIM check.</summary>
    [JsonPropertyName("dkimVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailVerdict? DkimVerdict { get; set; }

    /// <summary>The DMARC check.</summary>
    [JsonPropertyName("dmarcVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailVerdict? DmarcVerdict { get; set; }

    /// <summary>The sender domain's DMARC policy: <c>none</c>, <c>quarantine</c> or <c>reject</c>.</summary>
    [JsonPropertyName("dmarcPolicy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DmarcPolicy { get; set; }

    /// <summary>The action that invoked the function.</summary>
    [JsonPropertyName("action")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimpleEmailReceiptAction? Action { get; set; }
}

/// <summary>A check's verdict.</summary>
[LambdaJson]
public sealed partial class SimpleEmailVerdict
{
    /// <summary><c>PASS</c>, <c>FAIL</c>, <c>GRAY</c> or <c>PROCESSING_FAILED</c>.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }
}

/// <summary>The receipt rule action that invoked the function.</summary>
[LambdaJson]
public sealed partial class SimpleEmailReceiptAction
{
    /// <summary><c>Lambda</c>.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary>The function.</summary>
    [JsonPropertyName("functionArn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FunctionArn { get; set; }

    /// <summary><c>Event</c> or <c>RequestResponse</c>.</summary>
    [JsonPropertyName("invocationType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InvocationType { get; set; }
}
