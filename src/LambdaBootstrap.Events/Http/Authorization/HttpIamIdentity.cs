namespace LambdaBootstrap.Events.Http;

/// <summary>
/// The AWS caller of a request signed with IAM (SigV4): an HTTP API's or Function URL's <c>AWS_IAM</c> authorization
/// (<c>requestContext.authorizer.iam</c>) or a REST API's (<c>requestContext.identity</c>).
/// </summary>
public sealed class HttpIamIdentity
{
    /// <summary>The access key the request was signed with.</summary>
    public string? AccessKey { get; internal set; }

    /// <summary>The caller's AWS account.</summary>
    public string? AccountId { get; internal set; }

    /// <summary>The caller's principal id (REST: <c>caller</c>; HTTP API: <c>callerId</c>).</summary>
    public string? CallerId { get; internal set; }

    /// <summary>The caller's user id (REST: <c>user</c>; HTTP API: <c>userId</c>).</summary>
    public string? UserId { get; internal set; }

    /// <summary>The caller's ARN.</summary>
    public string? UserArn { get; internal set; }

    /// <summary>The caller's AWS Organizations id, where it has one.</summary>
    public string? PrincipalOrgId { get; internal set; }
}
