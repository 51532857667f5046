using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An AWS CodeBuild <c>CodeBuild Build State Change</c> event, source <c>aws.codebuild</c>.</summary>
public sealed class CodeBuildStateChangeEvent : EventBridgeEvent<CodeBuildStateChangeDetail>;

/// <summary>The detail of a CodeBuild build state change.</summary>
public sealed class CodeBuildStateChangeDetail
{
    /// <summary><c>IN_PROGRESS</c>, <c>SUCCEEDED</c>, <c>FAILED</c> or <c>STOPPED</c>.</summary>
    [JsonPropertyName("build-status")]
    public string? BuildStatus { get; set; }

    /// <summary>The project.</summary>
    [JsonPropertyName("project-name")]
    public string? ProjectName { get; set; }

    /// <summary>The build's ARN.</summary>
    [JsonPropertyName("build-id")]
    public string? BuildId { get; set; }

    /// <summary>The phase, e.g. <c>COMPLETED</c>.</summary>
    [JsonPropertyName("current-phase")]
    public string? CurrentPhase { get; set; }

    /// <summary>The phase's context, as text.</summary>
    [JsonPropertyName("current-phase-context")]
    public string? CurrentPhaseContext { get; set; }

    /// <summary>The detail's format version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The build's details: artifact, environment, logs, phases...</summary>
    [JsonPropertyName("additional-information")]
    public Dictionary<string, JsonElement>? AdditionalInformation { get; set; }
}
