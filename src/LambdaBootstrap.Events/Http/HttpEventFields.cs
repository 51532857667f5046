namespace LambdaBootstrap.Events.Http;

/// <summary>
/// The members of an HTTP event that the normalised request is made of, from whichever of the four formats it came:
/// what <see cref="HttpEventParser"/> read, before <see cref="HttpRequestReader"/> decides the format.
/// </summary>
internal sealed class HttpEventFields
{
    public string? Version;
    public string? HttpMethod;
    public string? Path;
    public string? RawPath;
    public string? RawQueryString;
    public string? Resource;
    public string? RouteKey;
    public string? Body;
    public bool IsBase64Encoded;
    public Dictionary<string, string>? Headers;
    public Dictionary<string, List<string>>? MultiValueHeaders;
    public Dictionary<string, string>? QueryStringParameters;
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters;
    public Dictionary<string, string>? PathParameters;
    public List<string>? Cookies;
    public Dictionary<string, string>? StageVariables;

    public bool HasRequestContext;
    public bool HasElb;
    public bool HasHttp;
    public string? HttpContextMethod;
    public string? HttpContextPath;
    public string? HttpContextSourceIp;
    public string? IdentitySourceIp;
    public string? RequestId;
    public string? Stage;
    public string? DomainName;
    public string? ContextPath;
    public long? RequestTimeEpoch;
    public string? ConnectionId;
    public string? EventType;

    /// <summary>REST APIs' caller, signed with IAM (SigV4): <c>requestContext.identity</c>.</summary>
    public HttpIamIdentity? RestIamIdentity;

    /// <summary>Where <c>requestContext.authorizer</c> is in the event: read into types only when asked for.</summary>
    public Range AuthorizerJson;

    /// <summary>Authorizer claims or context values, as text, from whichever authorizer the format carries.</summary>
    public Dictionary<string, string>? AuthorizerClaims;
}
