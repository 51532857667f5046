using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What S3 Object Lambda sends a function for a <c>GetObject</c>, <c>HeadObject</c> or <c>ListObjects</c> request on its access point. For <c>GetObject</c>, the function answers with <c>WriteGetObjectResponse</c>.</summary>
public sealed class S3ObjectLambdaEvent
{
    /// <summary>The request's id.</summary>
    [JsonPropertyName("xAmzRequestId")]
    public string? XAmzRequestId { get; set; }

    /// <summary><c>GetObject</c>: where to read and how to answer.</summary>
    [JsonPropertyName("getObjectContext")]
    public S3ObjectLambdaGetObjectContext? GetObjectContext { get; set; }

    /// <summary><c>HeadObject</c>: where to read.</summary>
    [JsonPropertyName("headObjectContext")]
    public S3ObjectLambdaUrlContext? HeadObjectContext { get; set; }

    /// <summary><c>ListObjects</c>: where to read.</summary>
    [JsonPropertyName("listObjectsContext")]
    public S3ObjectLambdaUrlContext? ListObjectsContext { get; set; }

    /// <summary><c>ListObjectsV2</c>: where to read.</summary>
    [JsonPropertyName("listObjectsV2Context")]
    public S3ObjectLambdaUrlContext? ListObjectsV2Context { get; set; }

    /// <summary>The Object Lambda access point.</summary>
    [JsonPropertyName("configuration")]
    public S3ObjectLambdaConfiguration? Configuration { get; set; }

    /// <summary>The caller's original request.</summary>
    [JsonPropertyName("userRequest")]
    public S3ObjectLambdaUserRequest? UserRequest { get; set; }

    /// <summary>The caller.</summary>
    [JsonPropertyName("userIdentity")]
    public S3ObjectLambdaUserIdentity? UserIdentity { get; set; }

    /// <summary>The event's format version.</summary>
    [JsonPropertyName("protocolVersion")]
    public string? ProtocolVersion { get; set; }
}

/// <summary>How to read the object and answer a <c>GetObject</c>.</summary>
public sealed class S3ObjectLambdaGetObjectContext
{
    /// <summary>A presigned URL of the original object.</summary>
    [JsonPropertyName("inputS3Url")]
    public string? InputS3Url { get; set; }

    /// <summary>The route to pass to <c>WriteGetObjectResponse</c>.</summary>
    [JsonPropertyName("outputRoute")]
    public string? OutputRoute { get; set; }

    /// <summary>The token to pass to <c>WriteGetObjectResponse</c>.</summary>
    [JsonPropertyName("outputToken")]
    public string? OutputToken { get; set; }
}

/// <summary>Where to read for a <c>HeadObject</c> or <c>ListObjects</c>.</summary>
public sealed class S3ObjectLambdaUrlContext
{
    /// <summary>A presigned URL for the supporting access point.</summary>
    [JsonPropertyName("inputS3Url")]
    public string? InputS3Url { get; set; }
}

/// <summary>The Object Lambda access point's configuration.</summary>
public sealed class S3ObjectLambdaConfiguration
{
    /// <summary>The Object Lambda access point.</summary>
    [JsonPropertyName("accessPointArn")]
    public string? AccessPointArn { get; set; }

    /// <summary>The supporting access point.</summary>
    [JsonPropertyName("supportingAccessPointArn")]
    public string? SupportingAccessPointArn { get; set; }

    /// <summary>The configuration's payload, as configured.</summary>
    [JsonPropertyName("payload")]
    public string? Payload { get; set; }
}

/// <summary>The caller's original HTTP request.</summary>
public sealed class S3ObjectLambdaUserRequest
{
    /// <summary>The URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }
}

/// <summary>The identity behind an Object Lambda request.</summary>
public sealed class S3ObjectLambdaUserIdentity
{
    /// <summary><c>IAMUser</c>, <c>AssumedRole</c>...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The principal.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The principal's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The access key.</summary>
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    /// <summary>Temporary credentials: the session.</summary>
    [JsonPropertyName("sessionContext")]
    public S3ObjectLambdaSessionContext? SessionContext { get; set; }
}

/// <summary>The session of temporary credentials.</summary>
public sealed class S3ObjectLambdaSessionContext
{
    /// <summary>When the session began, and with MFA or not.</summary>
    [JsonPropertyName("attributes")]
    public S3ObjectLambdaSessionAttributes? Attributes { get; set; }

    /// <summary>Who issued the credentials.</summary>
    [JsonPropertyName("sessionIssuer")]
    public S3ObjectLambdaSessionIssuer? SessionIssuer { get; set; }
}

/// <summary>Attributes of a session.</summary>
public sealed class S3ObjectLambdaSessionAttributes
{
    /// <summary><c>true</c> or <c>false</c>, as text.</summary>
    [JsonPropertyName("mfaAuthenticated")]
    public string? MfaAuthenticated { get; set; }

    /// <summary>When the session began (ISO 8601).</summary>
    [JsonPropertyName("creationDate")]
    public string? CreationDate { get; set; }
}

/// <summary>Who issued a session's credentials.</summary>
public sealed class S3ObjectLambdaSessionIssuer
{
    /// <summary><c>Role</c>...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The principal.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }
}
