using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AWS CodeCommit trigger sends: the pushed references.</summary>
public sealed class CodeCommitEvent
{
    /// <summary>The events.</summary>
    [JsonPropertyName("Records")]
    public List<CodeCommitRecord>? Records { get; set; }
}

/// <summary>One CodeCommit trigger event.</summary>
public sealed class CodeCommitRecord
{
    /// <summary>The repository's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The references.</summary>
    [JsonPropertyName("codecommit")]
    public CodeCommitCodeCommit? CodeCommit { get; set; }

    /// <summary>The trigger's custom data.</summary>
    [JsonPropertyName("customData")]
    public string? CustomData { get; set; }

    /// <summary>The event's id.</summary>
    [JsonPropertyName("eventId")]
    public string? EventId { get; set; }

    /// <summary><c>TriggerEventTest</c>, <c>ReferenceChanges</c>...</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>This part's number.</summary>
    [JsonPropertyName("eventPartNumber")]
    public int? EventPartNumber { get; set; }

    /// <summary><c>aws:codecommit</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The repository's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>When it happened (<c>2016-01-01T23:59:59.000+0000</c>).</summary>
    [JsonPropertyName("eventTime")]
    public string? EventTime { get; set; }

    /// <summary>How many parts the event has.</summary>
    [JsonPropertyName("eventTotalParts")]
    public int? EventTotalParts { get; set; }

    /// <summary>The trigger's id.</summary>
    [JsonPropertyName("eventTriggerConfigId")]
    public string? EventTriggerConfigId { get; set; }

    /// <summary>The trigger's name.</summary>
    [JsonPropertyName("eventTriggerName")]
    public string? EventTriggerName { get; set; }

    /// <summary>The format version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>Who pushed.</summary>
    [JsonPropertyName("userIdentityARN")]
    public string? UserIdentityArn { get; set; }
}

/// <summary>The references of a CodeCommit event.</summary>
public sealed class CodeCommitCodeCommit
{
    /// <summary>The references.</summary>
    [JsonPropertyName("references")]
    public List<CodeCommitReference>? References { get; set; }
}

/// <summary>A pushed reference.</summary>
public sealed class CodeCommitReference
{
    /// <summary>The commit.</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; set; }

    /// <summary>The reference, e.g. <c>refs/heads/main</c>.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; set; }

    /// <summary>Whether the reference is new.</summary>
    [JsonPropertyName("created")]
    public bool? Created { get; set; }

    /// <summary>Whether the reference was deleted.</summary>
    [JsonPropertyName("deleted")]
    public bool? Deleted { get; set; }
}
