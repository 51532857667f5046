using System.Text.Json;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// What API Gateway's or the Function URL's authorizer said about the caller, typed: the JWT's claims and scopes, the
/// IAM caller, or a Lambda authorizer's context. Whichever authorizer ran is set; the others are null.
/// </summary>
public sealed class HttpAuthorizer
{
    /// <summary>An HTTP API's JWT authorizer or a REST API's Cognito user pool authorizer.</summary>
    public HttpJwtAuthorizer? Jwt { get; init; }

    /// <summary>An IAM-signed (SigV4) request's caller.</summary>
    public HttpIamIdentity? Iam { get; init; }

    /// <summary>
    /// A Lambda authorizer's context, with its values' JSON types (an HTTP API's simple response may return objects and
    /// arrays; a REST API's authorizer returns strings, numbers and booleans).
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? Lambda { get; init; }

    /// <summary>A REST API Lambda authorizer's <c>principalId</c>.</summary>
    public string? PrincipalId { get; init; }
}
