using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What S3 Batch Operations sends a function: the job and the object (task) to work on.</summary>
public sealed class S3BatchJobEvent
{
    /// <summary><c>1.0</c> or <c>2.0</c>.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    public string? InvocationSchemaVersion { get; set; }

    /// <summary>The invocation's id; the response carries it back.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The job.</summary>
    [JsonPropertyName("job")]
    public S3BatchJob? Job { get; set; }

    /// <summary>The tasks (one per invocation).</summary>
    [JsonPropertyName("tasks")]
    public List<S3BatchTask>? Tasks { get; set; }
}

/// <summary>A Batch Operations job.</summary>
public sealed class S3BatchJob
{
    /// <summary>The job's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Schema 2.0: the job's user arguments.</summary>
    [JsonPropertyName("userArguments")]
    public Dictionary<string, string>? UserArguments { get; set; }
}

/// <summary>One object to work on.</summary>
public sealed class S3BatchTask
{
    /// <summary>The task's id; the result carries it back.</summary>
    [JsonPropertyName("taskId")]
    public string? TaskId { get; set; }

    /// <summary>The object's key, URL-encoded.</summary>
    [JsonPropertyName("s3Key")]
    public string? S3Key { get; set; }

    /// <summary>The object's version, in a versioned bucket.</summary>
    [JsonPropertyName("s3VersionId")]
    public string? S3VersionId { get; set; }

    /// <summary>Schema 1.0: the bucket's ARN.</summary>
    [JsonPropertyName("s3BucketArn")]
    public string? S3BucketArn { get; set; }

    /// <summary>Schema 2.0: the bucket's name.</summary>
    [JsonPropertyName("s3Bucket")]
    public string? S3Bucket { get; set; }
}
