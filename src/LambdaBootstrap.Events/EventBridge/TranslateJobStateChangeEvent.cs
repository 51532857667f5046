using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon Translate <c>Translate TextTranslationJob State Change</c> event, source <c>aws.translate</c>.</summary>
public sealed class TranslateJobStateChangeEvent : EventBridgeEvent<TranslateJobStateChangeDetail>;

/// <summary>The detail of a batch translation job state change.</summary>
public sealed class TranslateJobStateChangeDetail
{
    /// <summary>The job's id.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    /// <summary>The job's status, e.g. <c>COMPLETED</c>, <c>COMPLETED_WITH_ERROR</c>, <c>FAILED</c> or <c>STOPPED</c>.</summary>
    [JsonPropertyName("jobStatus")]
    public string? JobStatus { get; set; }
}
