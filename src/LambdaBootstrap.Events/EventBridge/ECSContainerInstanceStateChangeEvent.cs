using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon ECS <c>ECS Container Instance State Change</c> event, source <c>aws.ecs</c>.</summary>
public sealed class ECSContainerInstanceStateChangeEvent : EventBridgeEvent<ECSContainerInstanceStateChangeDetail>;

/// <summary>The detail of an ECS container instance state change.</summary>
public sealed class ECSContainerInstanceStateChangeDetail
{
    /// <summary>Whether the container agent is connected.</summary>
    [JsonPropertyName("agentConnected")]
    public bool? AgentConnected { get; set; }

    /// <summary>The instance's attributes.</summary>
    [JsonPropertyName("attributes")]
    public List<ECSAttribute>? Attributes { get; set; }

    /// <summary>The cluster's ARN.</summary>
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; set; }

    /// <summary>The container instance's ARN.</summary>
    [JsonPropertyName("containerInstanceArn")]
    public string? ContainerInstanceArn { get; set; }

    /// <summary>The EC2 instance's id.</summary>
    [JsonPropertyName("ec2InstanceId")]
    public string? Ec2InstanceId { get; set; }

    /// <summary>The resources the instance registered.</summary>
    [JsonPropertyName("registeredResources")]
    public List<ECSResource>? RegisteredResources { get; set; }

    /// <summary>The resources not yet used by tasks.</summary>
    [JsonPropertyName("remainingResources")]
    public List<ECSResource>? RemainingResources { get; set; }

    /// <summary><c>ACTIVE</c>, <c>DRAINING</c>, <c>INACTIVE</c>...</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Why the status is what it is.</summary>
    [JsonPropertyName("statusReason")]
    public string? StatusReason { get; set; }

    /// <summary>A counter that grows with each change: a newer event has a higher version.</summary>
    [JsonPropertyName("version")]
    public long? Version { get; set; }

    /// <summary>The agent's and Docker's versions.</summary>
    [JsonPropertyName("versionInfo")]
    public ECSVersionInfo? VersionInfo { get; set; }

    /// <summary>When the instance changed, ISO 8601.</summary>
    [JsonPropertyName("updatedAt")]
    public string? UpdatedAt { get; set; }

    /// <summary>When the instance registered, ISO 8601.</summary>
    [JsonPropertyName("registeredAt")]
    public string? RegisteredAt { get; set; }

    /// <summary>The state of an agent update in progress.</summary>
    [JsonPropertyName("agentUpdateStatus")]
    public string? AgentUpdateStatus { get; set; }

    /// <summary>Tasks waiting to run on the instance.</summary>
    [JsonPropertyName("pendingTasksCount")]
    public int? PendingTasksCount { get; set; }

    /// <summary>Tasks running on the instance.</summary>
    [JsonPropertyName("runningTasksCount")]
    public int? RunningTasksCount { get; set; }
}

/// <summary>An attribute of a container instance.</summary>
public sealed class ECSAttribute
{
    /// <summary>The attribute's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Its value, when it has one.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>A resource of a container instance (<c>CPU</c>, <c>MEMORY</c>, <c>PORTS</c>...).</summary>
public sealed class ECSResource
{
    /// <summary>The resource's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>INTEGER</c>, <c>DOUBLE</c>, <c>LONG</c> or <c>STRINGSET</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The value of an <c>INTEGER</c> resource.</summary>
    [JsonPropertyName("integerValue")]
    public int? IntegerValue { get; set; }

    /// <summary>The value of a <c>DOUBLE</c> resource.</summary>
    [JsonPropertyName("doubleValue")]
    public double? DoubleValue { get; set; }

    /// <summary>The value of a <c>LONG</c> resource.</summary>
    [JsonPropertyName("longValue")]
    public long? LongValue { get; set; }

    /// <summary>The values of a <c>STRINGSET</c> resource.</summary>
    [JsonPropertyName("stringSetValue")]
    public List<string>? StringSetValue { get; set; }
}

/// <summary>The versions of a container instance's agent and Docker.</summary>
public sealed class ECSVersionInfo
{
    /// <summary>The agent's Git commit.</summary>
    [JsonPropertyName("agentHash")]
    public string? AgentHash { get; set; }

    /// <summary>The agent's version.</summary>
    [JsonPropertyName("agentVersion")]
    public string? AgentVersion { get; set; }

    /// <summary>Docker's version.</summary>
    [JsonPropertyName("dockerVersion")]
    public string? DockerVersion { get; set; }
}
