using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An AWS CodePipeline state change, source <c>aws.codepipeline</c>: <c>CodePipeline Pipeline Execution State
/// Change</c>, <c>CodePipeline Stage Execution State Change</c> or <c>CodePipeline Action Execution State Change</c>.
/// </summary>
public sealed class CodePipelineStateChangeEvent : EventBridgeEvent<CodePipelineStateChangeDetail>;

/// <summary>The detail of a CodePipeline state change; the stage and action members are set for those levels.</summary>
public sealed class CodePipelineStateChangeDetail
{
    /// <summary>The pipeline's name.</summary>
    [JsonPropertyName("pipeline")]
    public string? Pipeline { get; set; }

    /// <summary>The pipeline execution's id.</summary>
    [JsonPropertyName("execution-id")]
    public string? ExecutionId { get; set; }

    /// <summary>What started the execution (pipeline level).</summary>
    [JsonPropertyName("execution-trigger")]
    public CodePipelineExecutionTrigger? ExecutionTrigger { get; set; }

    /// <summary><c>STARTED</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>CANCELED</c>, <c>SUPERSEDED</c>, <c>RESUMED</c>...</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The pipeline's version.</summary>
    [JsonPropertyName("version")]
    public double? Version { get; set; }

    /// <summary>The execution's attempt number.</summary>
    [JsonPropertyName("pipeline-execution-attempt")]
    public double? PipelineExecutionAttempt { get; set; }

    /// <summary>When the action started (action level), ISO 8601.</summary>
    [JsonPropertyName("start-time")]
    public string? StartTime { get; set; }

    /// <summary>The stage's name (stage and action levels).</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>The action execution's id (action level).</summary>
    [JsonPropertyName("action-execution-id")]
    public string? ActionExecutionId { get; set; }

    /// <summary>The action's name (action level).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; set; }

    /// <summary>The action's region (action level).</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The action's type (action level).</summary>
    [JsonPropertyName("type")]
    public CodePipelineActionType? Type { get; set; }

    /// <summary>The action's input artifacts (action level).</summary>
    [JsonPropertyName("input-artifacts")]
    public List<CodePipelineStateChangeArtifact>? InputArtifacts { get; set; }

    /// <summary>The action's output artifacts (action level).</summary>
    [JsonPropertyName("output-artifacts")]
    public List<CodePipelineStateChangeArtifact>? OutputArtifacts { get; set; }

    /// <summary>The external execution's outcome (action level, when it ended).</summary>
    [JsonPropertyName("execution-result")]
    public CodePipelineExecutionResult? ExecutionResult { get; set; }
}

/// <summary>What started a pipeline execution.</summary>
public sealed class CodePipelineExecutionTrigger
{
    /// <summary><c>StartPipelineExecution</c>, <c>Webhook</c>, <c>CloudWatchEvent</c>, <c>PollForSourceChanges</c>...</summary>
    [JsonPropertyName("trigger-type")]
    public string? TriggerType { get; set; }

    /// <summary>Who or what, e.g. an ARN.</summary>
    [JsonPropertyName("trigger-detail")]
    public string? TriggerDetail { get; set; }
}

/// <summary>The type of a pipeline action.</summary>
public sealed class CodePipelineActionType
{
    /// <summary><c>AWS</c>, <c>ThirdParty</c> or <c>Custom</c>.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    /// <summary><c>Source</c>, <c>Build</c>, <c>Test</c>, <c>Deploy</c>, <c>Approval</c> or <c>Invoke</c>.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>The provider, e.g. <c>CodeBuild</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The action type's version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

/// <summary>An artifact of an action and where it is in S3.</summary>
public sealed class CodePipelineStateChangeArtifact
{
    /// <summary>The artifact's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Where the artifact is.</summary>
    [JsonPropertyName("s3location")]
    public CodePipelineStateChangeS3Location? S3Location { get; set; }
}

/// <summary>An S3 object.</summary>
public sealed class CodePipelineStateChangeS3Location
{
    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")]
    public string? Bucket { get; set; }

    /// <summary>The key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }
}

/// <summary>The outcome of an action's external execution.</summary>
public sealed class CodePipelineExecutionResult
{
    /// <summary>A link to the external execution.</summary>
    [JsonPropertyName("external-execution-url")]
    public string? ExternalExecutionUrl { get; set; }

    /// <summary><c>SUCCEEDED</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("external-execution-state")]
    public string? ExternalExecutionState { get; set; }

    /// <summary>A summary of the outcome.</summary>
    [JsonPropertyName("external-execution-summary")]
    public string? ExternalExecutionSummary { get; set; }

    /// <summary>The external execution's id.</summary>
    [JsonPropertyName("external-execution-id")]
    public string? ExternalExecutionId { get; set; }

    /// <summary>The error's code, when it failed.</summary>
    [JsonPropertyName("error-code")]
    public string? ErrorCode { get; set; }
}
