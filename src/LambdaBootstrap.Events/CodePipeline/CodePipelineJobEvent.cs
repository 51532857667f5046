using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// The event CodePipeline sends to a Lambda invoke action. The function reports back with CodePipeline's
/// <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c> for <see cref="CodePipelineJob.Id"/>.
/// </summary>
public sealed class CodePipelineJobEvent
{
    /// <summary>The job.</summary>
    [JsonPropertyName("CodePipeline.job")]
    public CodePipelineJob? Job { get; set; }
}

/// <summary>A CodePipeline job.</summary>
public sealed class CodePipelineJob
{
    /// <summary>The job's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The pipeline's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The job's data: configuration, artifacts and credentials.</summary>
    [JsonPropertyName("data")]
    public CodePipelineJobData? Data { get; set; }
}

/// <summary>What a CodePipeline job works with.</summary>
public sealed class CodePipelineJobData
{
    /// <summary>The action's configuration.</summary>
    [JsonPropertyName("actionConfiguration")]
    public CodePipelineActionConfiguration? ActionConfiguration { get; set; }

    /// <summary>The artifacts the action reads.</summary>
    [JsonPropertyName("inputArtifacts")]
    public List<CodePipelineArtifact>? InputArtifacts { get; set; }

    /// <summary>The artifacts the action writes.</summary>
    [JsonPropertyName("outputArtifacts")]
    public List<CodePipelineArtifact>? OutputArtifacts { get; set; }

    /// <summary>Temporary credentials for the artifacts' bucket.</summary>
    [JsonPropertyName("artifactCredentials")]
    public CodePipelineArtifactCredentials? ArtifactCredentials { get; set; }

    /// <summary>Set when the action continues a job an earlier invocation started.</summary>
    [JsonPropertyName("continuationToken")]
    public string? ContinuationToken { get; set; }

    /// <summary>The key the artifacts are encrypted with, when there is one.</summary>
    [JsonPropertyName("encryptionKey")]
    public CodePipelineEncryptionKey? EncryptionKey { get; set; }
}

/// <summary>The action's configuration.</summary>
public sealed class CodePipelineActionConfiguration
{
    /// <summary>The configuration's values.</summary>
    [JsonPropertyName("configuration")]
    public CodePipelineConfiguration? Configuration { get; set; }
}

/// <summary>The configuration of a Lambda invoke action.</summary>
public sealed class CodePipelineConfiguration
{
    /// <summary>The function's name.</summary>
    [JsonPropertyName("FunctionName")]
    public string? FunctionName { get; set; }

    /// <summary>The action's user parameters, as the pipeline gives them (often JSON text).</summary>
    [JsonPropertyName("UserParameters")]
    public string? UserParameters { get; set; }
}

/// <summary>An input or output artifact.</summary>
public sealed class CodePipelineArtifact
{
    /// <summary>The artifact's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The source revision, or null for an output.</summary>
    [JsonPropertyName("revision")]
    public string? Revision { get; set; }

    /// <summary>Where the artifact is.</summary>
    [JsonPropertyName("location")]
    public CodePipelineArtifactLocation? Location { get; set; }
}

/// <summary>Where an artifact is stored.</summary>
public sealed class CodePipelineArtifactLocation
{
    /// <summary><c>S3</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The S3 bucket and key.</summary>
    [JsonPropertyName("s3Location")]
    public CodePipelineS3Location? S3Location { get; set; }
}

/// <summary>An S3 bucket and key.</summary>
public sealed class CodePipelineS3Location
{
    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucketName")]
    public string? BucketName { get; set; }

    /// <summary>The key.</summary>
    [JsonPropertyName("objectKey")]
    public string? ObjectKey { get; set; }
}

/// <summary>Temporary AWS credentials for the artifacts' bucket.</summary>
public sealed class CodePipelineArtifactCredentials
{
    /// <summary>The access key id.</summary>
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key.</summary>
    [JsonPropertyName("secretAccessKey")]
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token.</summary>
    [JsonPropertyName("sessionToken")]
    public string? SessionToken { get; set; }

    /// <summary>When the credentials expire, in epoch milliseconds.</summary>
    [JsonPropertyName("expirationTime")]
    public long? ExpirationTime { get; set; }

    /// <summary><see cref="ExpirationTime"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? Expiration => EpochTime.FromMilliseconds(ExpirationTime);
}

/// <summary>The key a pipeline's artifacts are encrypted with.</summary>
public sealed class CodePipelineEncryptionKey
{
    /// <summary>The key's id or ARN.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary><c>KMS</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
