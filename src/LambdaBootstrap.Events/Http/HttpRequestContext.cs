namespace LambdaBootstrap.Events.Http;

/// <summary>What the front door knows about a request beyond HTTP; null where the format does not say.</summary>
public sealed class HttpRequestContext
{
    /// <summary>The client's IP address (for an ALB, the first address of <c>X-Forwarded-For</c>).</summary>
    public string? SourceIp { get; init; }

    /// <summary>API Gateway's (or the Function URL's) request id; null behind an ALB.</summary>
    public string? RequestId { get; init; }

    /// <summary>The API Gateway stage; <c>$default</c> for a Function URL; null behind an ALB.</summary>
    public string? Stage { get; init; }

    /// <summary>The domain name the request came in on, where the format gives it.</summary>
    public string? DomainName { get; init; }

    /// <summary>
    /// The authorizer's claims, as text: a JWT authorizer's claims, a Cognito user pool's claims, a Lambda
    /// authorizer's context, or the IAM caller (<c>userArn</c>, <c>accountId</c>...). Empty without an authorizer.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuthorizerClaims { get; init; } = new Dictionary<string, string>();
}
