using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon EC2 Auto Scaling lifecycle action event (<c>EC2 Instance-launch Lifecycle Action</c> or <c>EC2 Instance-terminate Lifecycle Action</c>), source <c>aws.autoscaling</c>.</summary>
public sealed class AutoScalingLifecycleActionEvent : EventBridgeEvent<AutoScalingLifecycleActionDetail>;

/// <summary>The detail of an Auto Scaling lifecycle action: complete it with <c>CompleteLifecycleAction</c>.</summary>
public sealed class AutoScalingLifecycleActionDetail
{
    /// <summary>The token to complete the action with.</summary>
    [JsonPropertyName("LifecycleActionToken")]
    public string? LifecycleActionToken { get; set; }

    /// <summary>The group.</summary>
    [JsonPropertyName("AutoScalingGroupName")]
    public string? AutoScalingGroupName { get; set; }

    /// <summary>The hook.</summary>
    [JsonPropertyName("LifecycleHookName")]
    public string? LifecycleHookName { get; set; }

    /// <summary>The instance.</summary>
    [JsonPropertyName("EC2InstanceId")]
    public string? EC2InstanceId { get; set; }

    /// <summary><c>autoscaling:EC2_INSTANCE_LAUNCHING</c> or <c>autoscaling:EC2_INSTANCE_TERMINATING</c>.</summary>
    [JsonPropertyName("LifecycleTransition")]
    public string? LifecycleTransition { get; set; }

    /// <summary>The hook's notification metadata.</summary>
    [JsonPropertyName("NotificationMetadata")]
    public string? NotificationMetadata { get; set; }

    /// <summary>Where the instance comes from, e.g. <c>EC2</c> or <c>WarmPool</c>.</summary>
    [JsonPropertyName("Origin")]
    public string? Origin { get; set; }

    /// <summary>Where it goes, e.g. <c>AutoScalingGroup</c>.</summary>
    [JsonPropertyName("Destination")]
    public string? Destination { get; set; }
}
