using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An AWS Glue <c>Glue Job State Change</c> event, source <c>aws.glue</c>: a job run ended (<c>SUCCEEDED</c>,
/// <c>FAILED</c>, <c>TIMEOUT</c> or <c>STOPPED</c>).
/// </summary>
public sealed class GlueJobStateChangeEvent : EventBridgeEvent<GlueJobStateChangeDetail>;

/// <summary>The detail of a Glue job state change.</summary>
public sealed class GlueJobStateChangeDetail
{
    /// <summary>The job's name.</summary>
    [JsonPropertyName("jobName")]
    public string? JobName { get; set; }

    /// <summary><c>INFO</c>, <c>WARN</c> or <c>ERROR</c>.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; set; }

    /// <summary><c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMEOUT</c> or <c>STOPPED</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The job run's id.</summary>
    [JsonPropertyName("jobRunId")]
    public string? JobRunId { get; set; }

    /// <summary>What happened, or why the run failed.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
