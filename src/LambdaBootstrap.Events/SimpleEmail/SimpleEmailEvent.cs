using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Amazon SES email receiving sends a Lambda action: the message's headers and the receipt's verdicts (not the body).</summary>
public sealed class SimpleEmailEvent
{
    /// <summary>The received messages.</summary>
    [JsonPropertyName("Records")]
    public List<SimpleEmailRecord>? Records { get; set; }
}

/// <summary>One received message.</summary>
public sealed class SimpleEmailRecord
{
    /// <summary><c>aws:ses</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The format version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>The message and its receipt.</summary>
    [JsonPropertyName("ses")]
    public SimpleEmailService? Ses { get; set; }
}

/// <summary>A received message and its receipt.</summary>
public sealed class SimpleEmailService
{
    /// <summary>The message.</summary>
    [JsonPropertyName("mail")]
    public SimpleEmailMessage? Mail { get; set; }

    /// <summary>The receipt.</summary>
    [JsonPropertyName("receipt")]
    public SimpleEmailReceipt? Receipt { get; set; }
}

/// <summary>The headers of a received message.</summary>
public sealed class SimpleEmailMessage
{
    /// <summary>When it was received (ISO 8601).</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>The envelope sender (<c>MAIL FROM</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>SES's id for the message.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>The envelope recipients.</summary>
    [JsonPropertyName("destination")]
    public List<string>? Destination { get; set; }

    /// <summary>Whether the headers were cut short.</summary>
    [JsonPropertyName("headersTruncated")]
    public bool? HeadersTruncated { get; set; }

    /// <summary>The headers, in order.</summary>
    [JsonPropertyName("headers")]
    public List<SimpleEmailHeader>? Headers { get; set; }

    /// <summary>The common headers, parsed.</summary>
    [JsonPropertyName("commonHeaders")]
    public SimpleEmailCommonHeaders? CommonHeaders { get; set; }
}

/// <summary>One email header.</summary>
public sealed class SimpleEmailHeader
{
    /// <summary>The header's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The header's value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>The common headers of a received message.</summary>
public sealed class SimpleEmailCommonHeaders
{
    /// <summary><c>Return-Path</c>.</summary>
    [JsonPropertyName("returnPath")]
    public string? ReturnPath { get; set; }

    /// <summary><c>From</c>.</summary>
    [JsonPropertyName("from")]
    public List<string>? From { get; set; }

    /// <summary><c>Date</c>, as sent.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; set; }

    /// <summary><c>To</c>.</summary>
    [JsonPropertyName("to")]
    public List<string>? To { get; set; }

    /// <summary><c>Cc</c>.</summary>
    [JsonPropertyName("cc")]
    public List<string>? Cc { get; set; }

    /// <summary><c>Bcc</c>.</summary>
    [JsonPropertyName("bcc")]
    public List<string>? Bcc { get; set; }

    /// <summary><c>Sender</c>.</summary>
    [JsonPropertyName("sender")]
    public List<string>? Sender { get; set; }

    /// <summary><c>Reply-To</c>.</summary>
    [JsonPropertyName("replyTo")]
    public List<string>? ReplyTo { get; set; }

    /// <summary><c>Message-ID</c>.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary><c>Subject</c>.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; set; }
}

/// <summary>SES's receipt of a message: verdicts and the action.</summary>
public sealed class SimpleEmailReceipt
{
    /// <summary>When the receipt was made (ISO 8601).</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>How long SES took, in milliseconds.</summary>
    [JsonPropertyName("processingTimeMillis")]
    public long? ProcessingTimeMillis { get; set; }

    /// <summary>The recipients the rule matched.</summary>
    [JsonPropertyName("recipients")]
    public List<string>? Recipients { get; set; }

    /// <summary>The spam scan.</summary>
    [JsonPropertyName("spamVerdict")]
    public SimpleEmailVerdict? SpamVerdict { get; set; }

    /// <summary>The virus scan.</summary>
    [JsonPropertyName("virusVerdict")]
    public SimpleEmailVerdict? VirusVerdict { get; set; }

    /// <summary>The SPF check.</summary>
    [JsonPropertyName("spfVerdict")]
    public SimpleEmailVerdict? SpfVerdict { get; set; }

    /// <summary>The DKIM check.</summary>
    [JsonPropertyName("dkimVerdict")]
    public SimpleEmailVerdict? DkimVerdict { get; set; }

    /// <summary>The DMARC check.</summary>
    [JsonPropertyName("dmarcVerdict")]
    public SimpleEmailVerdict? DmarcVerdict { get; set; }

    /// <summary>The sender domain's DMARC policy: <c>none</c>, <c>quarantine</c> or <c>reject</c>.</summary>
    [JsonPropertyName("dmarcPolicy")]
    public string? DmarcPolicy { get; set; }

    /// <summary>The action that invoked the function.</summary>
    [JsonPropertyName("action")]
    public SimpleEmailReceiptAction? Action { get; set; }
}

/// <summary>A check's verdict.</summary>
public sealed class SimpleEmailVerdict
{
    /// <summary><c>PASS</c>, <c>FAIL</c>, <c>GRAY</c> or <c>PROCESSING_FAILED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}

/// <summary>The receipt rule action that invoked the function.</summary>
public sealed class SimpleEmailReceiptAction
{
    /// <summary><c>Lambda</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The function.</summary>
    [JsonPropertyName("functionArn")]
    public string? FunctionArn { get; set; }

    /// <summary><c>Event</c> or <c>RequestResponse</c>.</summary>
    [JsonPropertyName("invocationType")]
    public string? InvocationType { get; set; }
}
