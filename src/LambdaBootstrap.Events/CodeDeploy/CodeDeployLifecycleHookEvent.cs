using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS CodeDeploy sends a lifecycle hook function (Lambda and ECS deployments, e.g. <c>BeforeAllowTraffic</c>); the function reports back with <c>PutLifecycleEventHookExecutionStatus</c>.</summary>
public sealed class CodeDeployLifecycleHookEvent
{
    /// <summary>The deployment.</summary>
    [JsonPropertyName("DeploymentId")]
    public string? DeploymentId { get; set; }

    /// <summary>The hook's execution, to report its status for.</summary>
    [JsonPropertyName("LifecycleEventHookExecutionId")]
    public string? LifecycleEventHookExecutionId { get; set; }
}
