using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An <c>AWS Health Event</c>, source <c>aws.health</c>: an issue, a scheduled change or a notification.</summary>
public sealed class AwsHealthEvent : EventBridgeEvent<AwsHealthEventDetail>;

/// <summary>The detail of an AWS Health event.</summary>
public sealed class AwsHealthEventDetail
{
    /// <summary>The Health event's ARN.</summary>
    [JsonPropertyName("eventArn")]
    public string? EventArn { get; set; }

    /// <summary>The service affected, e.g. <c>EC2</c>.</summary>
    [JsonPropertyName("service")]
    public string? Service { get; set; }

    /// <summary>The event's type, e.g. <c>AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED</c>.</summary>
    [JsonPropertyName("eventTypeCode")]
    public string? EventTypeCode { get; set; }

    /// <summary><c>issue</c>, <c>accountNotification</c>, <c>scheduledChange</c> or <c>investigation</c>.</summary>
    [JsonPropertyName("eventTypeCategory")]
    public string? EventTypeCategory { get; set; }

    /// <summary><c>ACCOUNT_SPECIFIC</c>, <c>PUBLIC</c> or <c>NONE</c>.</summary>
    [JsonPropertyName("eventScopeCode")]
    public string? EventScopeCode { get; set; }

    /// <summary>Ties together the events of one communication.</summary>
    [JsonPropertyName("communicationId")]
    public string? CommunicationId { get; set; }

    /// <summary>When it starts, as AWS Health writes it (<c>Wed, 31 Jan 2024 02:00:00 GMT</c>).</summary>
    [JsonPropertyName("startTime")]
    public string? StartTime { get; set; }

    /// <summary>When it ends, same form.</summary>
    [JsonPropertyName("endTime")]
    public string? EndTime { get; set; }

    /// <summary>When it was last updated, same form.</summary>
    [JsonPropertyName("lastUpdatedTime")]
    public string? LastUpdatedTime { get; set; }

    /// <summary><c>open</c>, <c>closed</c> or <c>upcoming</c>.</summary>
    [JsonPropertyName("statusCode")]
    public string? StatusCode { get; set; }

    /// <summary>The region affected.</summary>
    [JsonPropertyName("eventRegion")]
    public string? EventRegion { get; set; }

    /// <summary>The description, by language.</summary>
    [JsonPropertyName("eventDescription")]
    public List<AwsHealthEventDescription>? EventDescription { get; set; }

    /// <summary>Event-specific data.</summary>
    [JsonPropertyName("eventMetadata")]
    public JsonElement? EventMetadata { get; set; }

    /// <summary>The resources affected.</summary>
    [JsonPropertyName("affectedEntities")]
    public List<AwsHealthAffectedEntity>? AffectedEntities { get; set; }

    /// <summary>The account affected.</summary>
    [JsonPropertyName("affectedAccount")]
    public string? AffectedAccount { get; set; }

    /// <summary>This event's page, when the entities span several events.</summary>
    [JsonPropertyName("page")]
    public string? Page { get; set; }

    /// <summary>How many pages there are.</summary>
    [JsonPropertyName("totalPages")]
    public string? TotalPages { get; set; }
}

/// <summary>A description of a Health event.</summary>
public sealed class AwsHealthEventDescription
{
    /// <summary>The language, e.g. <c>en_US</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>The latest description.</summary>
    [JsonPropertyName("latestDescription")]
    public string? LatestDescription { get; set; }
}

/// <summary>A resource a Health event affects.</summary>
public sealed class AwsHealthAffectedEntity
{
    /// <summary>The resource, e.g. an instance id.</summary>
    [JsonPropertyName("entityValue")]
    public string? EntityValue { get; set; }

    /// <summary>When its status last changed.</summary>
    [JsonPropertyName("lastUpdatedTime")]
    public string? LastUpdatedTime { get; set; }

    /// <summary><c>IMPAIRED</c>, <c>UNIMPAIRED</c>, <c>UNKNOWN</c>, <c>PENDING</c> or <c>RESOLVED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The resource's tags.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}
