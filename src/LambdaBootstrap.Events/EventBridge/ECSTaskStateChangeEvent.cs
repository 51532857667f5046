using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon ECS <c>ECS Task State Change</c> event, source <c>aws.ecs</c>.</summary>
public sealed class ECSTaskStateChangeEvent : EventBridgeEvent<ECSTaskStateChangeDetail>;

/// <summary>The detail of an ECS task state change: the task.</summary>
public sealed class ECSTaskStateChangeDetail
{
    /// <summary>The task's attachments (network interfaces).</summary>
    [JsonPropertyName("attachments")]
    public List<Dictionary<string, JsonElement>>? Attachments { get; set; }

    /// <summary>The task's attributes.</summary>
    [JsonPropertyName("attributes")]
    public List<Dictionary<string, JsonElement>>? Attributes { get; set; }

    /// <summary>The Availability Zone.</summary>
    [JsonPropertyName("availabilityZone")]
    public string? AvailabilityZone { get; set; }

    /// <summary>The capacity provider.</summary>
    [JsonPropertyName("capacityProviderName")]
    public string? CapacityProviderName { get; set; }

    /// <summary>The cluster.</summary>
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; set; }

    /// <summary><c>CONNECTED</c> or <c>DISCONNECTED</c>.</summary>
    [JsonPropertyName("connectivity")]
    public string? Connectivity { get; set; }

    /// <summary>When connectivity last changed.</summary>
    [JsonPropertyName("connectivityAt")]
    public string? ConnectivityAt { get; set; }

    /// <summary>EC2: the container instance.</summary>
    [JsonPropertyName("containerInstanceArn")]
    public string? ContainerInstanceArn { get; set; }

    /// <summary>The containers.</summary>
    [JsonPropertyName("containers")]
    public List<ECSContainerDetail>? Containers { get; set; }

    /// <summary>CPU units, as text.</summary>
    [JsonPropertyName("cpu")]
    public string? Cpu { get; set; }

    /// <summary>When the task was created.</summary>
    [JsonPropertyName("createdAt")]
    public string? CreatedAt { get; set; }

    /// <summary>The status ECS wants: <c>RUNNING</c> or <c>STOPPED</c>.</summary>
    [JsonPropertyName("desiredStatus")]
    public string? DesiredStatus { get; set; }

    /// <summary>Whether ECS Exec is on.</summary>
    [JsonPropertyName("enableExecuteCommand")]
    public bool? EnableExecuteCommand { get; set; }

    /// <summary>Fargate: the ephemeral storage.</summary>
    [JsonPropertyName("ephemeralStorage")]
    public Dictionary<string, JsonElement>? EphemeralStorage { get; set; }

    /// <summary>When the task's containers stopped.</summary>
    [JsonPropertyName("executionStoppedAt")]
    public string? ExecutionStoppedAt { get; set; }

    /// <summary>The task group, e.g. <c>service:web</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary><c>EC2</c>, <c>FARGATE</c> or <c>EXTERNAL</c>.</summary>
    [JsonPropertyName("launchType")]
    public string? LaunchType { get; set; }

    /// <summary>The task's status: <c>PROVISIONING</c>, <c>PENDING</c>, <c>RUNNING</c>, <c>STOPPED</c>...</summary>
    [JsonPropertyName("lastStatus")]
    public string? LastStatus { get; set; }

    /// <summary>Memory in MiB, as text.</summary>
    [JsonPropertyName("memory")]
    public string? Memory { get; set; }

    /// <summary>The task's overrides.</summary>
    [JsonPropertyName("overrides")]
    public Dictionary<string, JsonElement>? Overrides { get; set; }

    /// <summary>Fargate: the platform family.</summary>
    [JsonPropertyName("platformFamily")]
    public string? PlatformFamily { get; set; }

    /// <summary>Fargate: the platform version.</summary>
    [JsonPropertyName("platformVersion")]
    public string? PlatformVersion { get; set; }

    /// <summary>When image pulls began.</summary>
    [JsonPropertyName("pullStartedAt")]
    public string? PullStartedAt { get; set; }

    /// <summary>When image pulls ended.</summary>
    [JsonPropertyName("pullStoppedAt")]
    public string? PullStoppedAt { get; set; }

    /// <summary>When the task started.</summary>
    [JsonPropertyName("startedAt")]
    public string? StartedAt { get; set; }

    /// <summary>What started it.</summary>
    [JsonPropertyName("startedBy")]
    public string? StartedBy { get; set; }

    /// <summary>Why it stopped, as a code.</summary>
    [JsonPropertyName("stopCode")]
    public string? StopCode { get; set; }

    /// <summary>When it stopped.</summary>
    [JsonPropertyName("stoppedAt")]
    public string? StoppedAt { get; set; }

    /// <summary>Why it stopped.</summary>
    [JsonPropertyName("stoppedReason")]
    public string? StoppedReason { get; set; }

    /// <summary>When it began to stop.</summary>
    [JsonPropertyName("stoppingAt")]
    public string? StoppingAt { get; set; }

    /// <summary>The task's tags.</summary>
    [JsonPropertyName("tags")]
    public List<Dictionary<string, JsonElement>>? Tags { get; set; }

    /// <summary>The task.</summary>
    [JsonPropertyName("taskArn")]
    public string? TaskArn { get; set; }

    /// <summary>The task definition.</summary>
    [JsonPropertyName("taskDefinitionArn")]
    public string? TaskDefinitionArn { get; set; }

    /// <summary>When the task last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public string? UpdatedAt { get; set; }

    /// <summary>The task's version, incremented on each change.</summary>
    [JsonPropertyName("version")]
    public long? Version { get; set; }
}

/// <summary>A container of an ECS task.</summary>
public sealed class ECSContainerDetail
{
    /// <summary>The container.</summary>
    [JsonPropertyName("containerArn")]
    public string? ContainerArn { get; set; }

    /// <summary>Its exit code, once stopped.</summary>
    [JsonPropertyName("exitCode")]
    public int? ExitCode { get; set; }

    /// <summary>Its status.</summary>
    [JsonPropertyName("lastStatus")]
    public string? LastStatus { get; set; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Its image.</summary>
    [JsonPropertyName("image")]
    public string? Image { get; set; }

    /// <summary>Its image's digest.</summary>
    [JsonPropertyName("imageDigest")]
    public string? ImageDigest { get; set; }

    /// <summary>Its runtime id.</summary>
    [JsonPropertyName("runtimeId")]
    public string? RuntimeId { get; set; }

    /// <summary>Its task.</summary>
    [JsonPropertyName("taskArn")]
    public string? TaskArn { get; set; }

    /// <summary>Its network interfaces.</summary>
    [JsonPropertyName("networkInterfaces")]
    public List<Dictionary<string, JsonElement>>? NetworkInterfaces { get; set; }

    /// <summary>CPU units, as text.</summary>
    [JsonPropertyName("cpu")]
    public string? Cpu { get; set; }

    /// <summary>Memory, as text.</summary>
    [JsonPropertyName("memory")]
    public string? Memory { get; set; }

    /// <summary>Why it stopped.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}
