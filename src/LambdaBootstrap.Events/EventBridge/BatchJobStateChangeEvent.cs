using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An AWS Batch <c>Batch Job State Change</c> event, source <c>aws.batch</c>.</summary>
public sealed class BatchJobStateChangeEvent : EventBridgeEvent<BatchJobStateChangeDetail>;

/// <summary>
/// The detail of a Batch job state change: the job as <c>DescribeJobs</c> describes it. Its container, node and array
/// properties and retry strategy stay JSON.
/// </summary>
public sealed class BatchJobStateChangeDetail
{
    /// <summary>The job's ARN.</summary>
    [JsonPropertyName("jobArn")]
    public string? JobArn { get; set; }

    /// <summary>The job's name.</summary>
    [JsonPropertyName("jobName")]
    public string? JobName { get; set; }

    /// <summary>The job's id.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    /// <summary>The job queue's ARN.</summary>
    [JsonPropertyName("jobQueue")]
    public string? JobQueue { get; set; }

    /// <summary><c>SUBMITTED</c>, <c>PENDING</c>, <c>RUNNABLE</c>, <c>STARTING</c>, <c>RUNNING</c>, <c>SUCCEEDED</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Why the job is in its status.</summary>
    [JsonPropertyName("statusReason")]
    public string? StatusReason { get; set; }

    /// <summary>The job's attempts so far.</summary>
    [JsonPropertyName("attempts")]
    public List<BatchJobAttempt>? Attempts { get; set; }

    /// <summary>When the job was created, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAt")]
    public long? CreatedAt { get; set; }

    /// <summary>When the job started running, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("startedAt")]
    public long? StartedAt { get; set; }

    /// <summary>When the job stopped, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("stoppedAt")]
    public long? StoppedAt { get; set; }

    /// <summary>How many attempts the job gets and when to retry.</summary>
    [JsonPropertyName("retryStrategy")]
    public JsonElement? RetryStrategy { get; set; }

    /// <summary>The jobs this job waits for.</summary>
    [JsonPropertyName("dependsOn")]
    public List<JsonElement>? DependsOn { get; set; }

    /// <summary>The job definition's ARN.</summary>
    [JsonPropertyName("jobDefinition")]
    public string? JobDefinition { get; set; }

    /// <summary>The job's parameter substitutions.</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, string>? Parameters { get; set; }

    /// <summary>The container the job runs: image, command, resources, log stream...</summary>
    [JsonPropertyName("container")]
    public JsonElement? Container { get; set; }

    /// <summary>A multi-node parallel job's nodes.</summary>
    [JsonPropertyName("nodeProperties")]
    public JsonElement? NodeProperties { get; set; }

    /// <summary>An array job's size and children's status.</summary>
    [JsonPropertyName("arrayProperties")]
    public JsonElement? ArrayProperties { get; set; }

    /// <summary>The job's tags.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>Whether the tags pass on to the ECS task.</summary>
    [JsonPropertyName("propagateTags")]
    public bool? PropagateTags { get; set; }

    /// <summary><c>EC2</c> or <c>FARGATE</c>.</summary>
    [JsonPropertyName("platformCapabilities")]
    public List<string>? PlatformCapabilities { get; set; }
}

/// <summary>An attempt of a Batch job.</summary>
public sealed class BatchJobAttempt
{
    /// <summary>The attempt's container: instance, task, exit code, log stream.</summary>
    [JsonPropertyName("container")]
    public BatchJobAttemptContainer? Container { get; set; }

    /// <summary>When the attempt started, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("startedAt")]
    public long? StartedAt { get; set; }

    /// <summary>When the attempt stopped, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("stoppedAt")]
    public long? StoppedAt { get; set; }

    /// <summary>Why the attempt ended as it did.</summary>
    [JsonPropertyName("statusReason")]
    public string? StatusReason { get; set; }
}

/// <summary>The container of a Batch job attempt.</summary>
public sealed class BatchJobAttemptContainer
{
    /// <summary>The container instance's ARN (EC2).</summary>
    [JsonPropertyName("containerInstanceArn")]
    public string? ContainerInstanceArn { get; set; }

    /// <summary>The ECS task's ARN.</summary>
    [JsonPropertyName("taskArn")]
    public string? TaskArn { get; set; }

    /// <summary>The container's exit code.</summary>
    [JsonPropertyName("exitCode")]
    public int? ExitCode { get; set; }

    /// <summary>Why the container stopped.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>The CloudWatch Logs stream.</summary>
    [JsonPropertyName("logStreamName")]
    public string? LogStreamName { get; set; }

    /// <summary>The container's network interfaces.</summary>
    [JsonPropertyName("networkInterfaces")]
    public List<JsonElement>? NetworkInterfaces { get; set; }
}
