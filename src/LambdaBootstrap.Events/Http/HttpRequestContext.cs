namespace LambdaBootstrap.Events.Http;

/// <summary>What the front door knows about a request beyond HTTP; null where the format does not say.</summary>
public sealed class HttpRequestContext
{
    private HttpAuthorizer? _authorizer;
    private bool _authorizerRead;

    /// <summary>The client's IP address (for an ALB, the first address of <c>X-Forwarded-For</c>).</summary>
    public string? SourceIp { get; init; }

    /// <summary>API Gateway's (or the Function URL's) request id; null behind an ALB.</summary>
    public string? RequestId { get; init; }

    /// <summary>The API Gateway stage; <c>$default</c> for a Function URL; null behind an ALB.</summary>
    public string? Stage { get; init; }

    /// <summary>The domain name the request came in on, where the format gives it.</summary>
    public string? DomainName { get; init; }

    /// <summary>
    /// The route API Gateway matched: an HTTP API's <c>routeKey</c> (<c>GET /items/{id}</c>, <c>$default</c>); for a
    /// REST API, the method and the <c>resource</c> (<c>GET /items/{id}</c>). Null for Function URLs and ALBs.
    /// </summary>
    public string? RouteKey { get; init; }

    /// <summary>A REST API's resource (<c>/items/{id}</c>, <c>/{proxy+}</c>); null for the other formats.</summary>
    public string? Resource { get; init; }

    /// <summary>The API Gateway stage's variables; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>When the front door received the request (<c>timeEpoch</c>, <c>requestTimeEpoch</c>); null behind an ALB.</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>
    /// The authorizer's claims, as text: a JWT authorizer's claims, a Cognito user pool's claims, a Lambda
    /// authorizer's context, or the IAM caller (<c>userArn</c>, <c>accountId</c>...). Empty without an authorizer.
    /// <see cref="Authorizer"/> has the same, typed.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuthorizerClaims { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What the authorizer said, typed (JWT claims and scopes, IAM caller, Lambda authorizer context); null without
    /// one. Read from the event on first use, during the invocation.
    /// </summary>
    public HttpAuthorizer? Authorizer
    {
        get
        {
            if (!_authorizerRead)
            {
                _authorizer = HttpAuthorizerReader.Read(AuthorizerJson, RestIamIdentity);
                _authorizerRead = true;
            }
            return _authorizer;
        }
    }

    internal ReadOnlyMemory<byte> AuthorizerJson { get; init; }

    internal HttpIamIdentity? RestIamIdentity { get; init; }
}
