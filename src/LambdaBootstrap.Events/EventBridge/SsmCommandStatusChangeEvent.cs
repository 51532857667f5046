using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An AWS Systems Manager Run Command <c>EC2 Command Status-change Notification</c> event, source <c>aws.ssm</c>:
/// a command's overall status changed.
/// </summary>
public sealed class SsmCommandStatusChangeEvent : EventBridgeEvent<SsmCommandStatusChangeDetail>;

/// <summary>The detail of a Run Command status change.</summary>
public sealed class SsmCommandStatusChangeDetail
{
    /// <summary>The command's id.</summary>
    [JsonPropertyName("command-id")]
    public string? CommandId { get; set; }

    /// <summary>The SSM document the command runs.</summary>
    [JsonPropertyName("document-name")]
    public string? DocumentName { get; set; }

    /// <summary>When the command expires, as ISO 8601 text.</summary>
    [JsonPropertyName("expire-after")]
    public string? ExpireAfter { get; set; }

    /// <summary>The document's parameters, each with its values.</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, List<string>>? Parameters { get; set; }

    /// <summary>When the command was requested, as ISO 8601 text.</summary>
    [JsonPropertyName("requested-date-time")]
    public string? RequestedDateTime { get; set; }

    /// <summary><c>Pending</c>, <c>InProgress</c>, <c>Success</c>, <c>Cancelled</c>, <c>Failed</c>, <c>TimedOut</c>...</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
