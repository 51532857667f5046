using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An API Gateway REST API proxy integration request (payload format 1.0).</summary>
public sealed class APIGatewayProxyRequest
{
    /// <summary>The resource path as configured, e.g. <c>/items/{id}</c>.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary>The request path, without the stage.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>The headers, the last value of each.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The headers, every value of each.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>The query string parameters, the last value of each.</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The query string parameters, every value of each.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>The path parameters of the resource, e.g. <c>id</c> for <c>/items/{id}</c>.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Everything about the request beyond HTTP.</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayProxyRequestContext? RequestContext { get; set; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

/// <summary>The request context of a REST API request: API, stage, caller and authorizer.</summary>
public sealed class APIGatewayProxyRequestContext
{
    /// <summary>The API owner's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The API's id.</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>
    /// What the authorizer returned: <c>principalId</c> and the context of a Lambda authorizer, or <c>claims</c> for a
    /// Cognito user pool authorizer.
    /// </summary>
    [JsonPropertyName("authorizer")]
    public Dictionary<string, JsonElement>? Authorizer { get; set; }

    /// <summary>The domain name the request came in on.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    /// <summary>The first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    /// <summary>API Gateway's extended request id.</summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>The caller.</summary>
    [JsonPropertyName("identity")]
    public APIGatewayIdentity? Identity { get; set; }

    /// <summary>The request path, with the stage.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The request's protocol, e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>When the request came in, in CLF format (<c>09/Apr/2015:12:34:56 +0000</c>).</summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; set; }

    /// <summary>When the request came in, in epoch milliseconds.</summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long? RequestTimeEpoch { get; set; }

    /// <summary>The resource's id.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    /// <summary>The resource path as configured.</summary>
    [JsonPropertyName("resourcePath")]
    public string? ResourcePath { get; set; }

    /// <summary>The stage.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>The operation's name, when the method has one (<c>operationName</c> of the method).</summary>
    [JsonPropertyName("operationName")]
    public string? OperationName { get; set; }

    /// <summary>WebSocket APIs: the route that matched, e.g. <c>$connect</c>, <c>$default</c> or <c>sendMessage</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>WebSocket APIs: <c>CONNECT</c>, <c>MESSAGE</c> or <c>DISCONNECT</c>.</summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    /// <summary>WebSocket APIs: the connection, to post back to with the API Gateway Management API.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    /// <summary>WebSocket APIs: when the connection was made, in epoch milliseconds.</summary>
    [JsonPropertyName("connectedAt")]
    public long? ConnectedAt { get; set; }

    /// <summary>WebSocket APIs: the message's direction, <c>IN</c>.</summary>
    [JsonPropertyName("messageDirection")]
    public string? MessageDirection { get; set; }

    /// <summary>WebSocket APIs: the message's id (for <c>MESSAGE</c> events).</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>WebSocket APIs, <c>$disconnect</c>: the close frame's status code.</summary>
    [JsonPropertyName("disconnectStatusCode")]
    public int? DisconnectStatusCode { get; set; }

    /// <summary>WebSocket APIs, <c>$disconnect</c>: why the connection closed.</summary>
    [JsonPropertyName("disconnectReason")]
    public string? DisconnectReason { get; set; }

    /// <summary><see cref="ConnectedAt"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? ConnectedAtUtc => EpochTime.FromMilliseconds(ConnectedAt);

    /// <summary><see cref="RequestTimeEpoch"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? RequestTimeUtc => EpochTime.FromMilliseconds(RequestTimeEpoch);
}

/// <summary>The caller of a REST API request.</summary>
public sealed class APIGatewayIdentity
{
    /// <summary>The caller's access key, for IAM-signed requests.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; set; }

    /// <summary>The caller's account, for IAM-signed requests.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The API key the request used.</summary>
    [JsonPropertyName("apiKey")]
    public string? ApiKey { get; set; }

    /// <summary>The id of the API key the request used.</summary>
    [JsonPropertyName("apiKeyId")]
    public string? ApiKeyId { get; set; }

    /// <summary>The caller's principal, for IAM-signed requests.</summary>
    [JsonPropertyName("caller")]
    public string? Caller { get; set; }

    /// <summary>The Cognito authentication provider, for Cognito credentials.</summary>
    [JsonPropertyName("cognitoAuthenticationProvider")]
    public string? CognitoAuthenticationProvider { get; set; }

    /// <summary><c>authenticated</c> or <c>unauthenticated</c>, for Cognito credentials.</summary>
    [JsonPropertyName("cognitoAuthenticationType")]
    public string? CognitoAuthenticationType { get; set; }

    /// <summary>The Cognito identity id.</summary>
    [JsonPropertyName("cognitoIdentityId")]
    public string? CognitoIdentityId { get; set; }

    /// <summary>The Cognito identity pool id.</summary>
    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? CognitoIdentityPoolId { get; set; }

    /// <summary>The caller's AWS organization.</summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; set; }

    /// <summary>The IP address of the client that reached API Gateway.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    /// <summary>The client certificate, with mutual TLS.</summary>
    [JsonPropertyName("clientCert")]
    public APIGatewayClientCertificate? ClientCert { get; set; }

    /// <summary>The caller's user id, for IAM-signed requests.</summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }

    /// <summary>The client's User-Agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    /// <summary>The caller's user ARN, for IAM-signed requests.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }
}
