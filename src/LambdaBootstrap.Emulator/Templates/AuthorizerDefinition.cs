namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// A Lambda authorizer of an API (<c>Auth.Authorizers</c>): the function to invoke, what it is given and how its
/// answer reads.
/// </summary>
/// <param name="FunctionId">The logical id of the authorizer function (<c>FunctionArn: !GetAtt X.Arn</c>).</param>
/// <param name="Kind">REST's TOKEN or REQUEST, or an HTTP API's payload 1.0 or 2.0.</param>
/// <param name="IdentitySources">Where the identity is: a request without all of them is refused with 401 uninvoked.</param>
/// <param name="Ttl">How long an answer is cached per identity (zero: not cached).</param>
/// <param name="SimpleResponses">An HTTP API payload 2.0 authorizer answering <c>{"isAuthorized": ...}</c> instead of an IAM policy.</param>
internal sealed record AuthorizerDefinition(
    string Name,
    string FunctionId,
    AuthorizerKind Kind,
    IReadOnlyList<IdentitySource> IdentitySources,
    TimeSpan Ttl,
    bool SimpleResponses);

/// <summary>The four Lambda authorizer events.</summary>
internal enum AuthorizerKind
{
    /// <summary>REST API TOKEN: the token from one header.</summary>
    RestToken,
    /// <summary>REST API REQUEST: the request's headers, query and context.</summary>
    RestRequest,
    /// <summary>HTTP API, authorizer payload 1.0.</summary>
    HttpApiV1,
    /// <summary>HTTP API, authorizer payload 2.0.</summary>
    HttpApiV2,
}

/// <summary>One identity source: a request header or query string parameter.</summary>
internal sealed record IdentitySource(bool IsHeader, string Name);
