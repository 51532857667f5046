using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An AWS CodeDeploy <c>CodeDeploy Deployment State-change Notification</c> or <c>CodeDeploy Instance State-change Notification</c> event, source <c>aws.codedeploy</c>.</summary>
public sealed class CodeDeployStateChangeEvent : EventBridgeEvent<CodeDeployStateChangeDetail>;

/// <summary>The detail of a CodeDeploy state change.</summary>
public sealed class CodeDeployStateChangeDetail
{
    /// <summary>The account.</summary>
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The application.</summary>
    [JsonPropertyName("application")]
    public string? Application { get; set; }

    /// <summary>The deployment.</summary>
    [JsonPropertyName("deploymentId")]
    public string? DeploymentId { get; set; }

    /// <summary>The deployment group's id.</summary>
    [JsonPropertyName("instanceGroupId")]
    public string? InstanceGroupId { get; set; }

    /// <summary>The deployment group.</summary>
    [JsonPropertyName("deploymentGroup")]
    public string? DeploymentGroup { get; set; }

    /// <summary>Instance changes: the instance.</summary>
    [JsonPropertyName("instanceId")]
    public string? InstanceId { get; set; }

    /// <summary><c>START</c>, <c>SUCCESS</c>, <c>FAILURE</c>, <c>STOP</c>, <c>READY</c>...</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The status, where the event has one.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Failures: the error, as JSON text.</summary>
    [JsonPropertyName("errorInformation")]
    public string? ErrorInformation { get; set; }
}
