using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What API Gateway sends a Lambda authorizer of a REST API (<c>TOKEN</c> or <c>REQUEST</c>), of an HTTP API with payload 1.0, or of a WebSocket API's <c>$connect</c> route.</summary>
public sealed class APIGatewayCustomAuthorizerRequest
{
    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary><c>TOKEN</c> authorizers: the value of the token header.</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>The ARN of the method being called; a policy that allows it grants the request.</summary>
    [JsonPropertyName("methodArn")]
    public string? MethodArn { get; set; }

    /// <summary>HTTP APIs with payload 1.0: the identity sources, comma-separated.</summary>
    [JsonPropertyName("identitySource")]
    public string? IdentitySource { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the resource path as configured.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the request path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the headers (the last value of each).</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary><c>REQUEST</c> authorizers: every value of each header.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the query string (the last value of each).</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary><c>REQUEST</c> authorizers: every value of each query parameter.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the path parameters.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the stage variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary><c>REQUEST</c> authorizers: the request context, WebSocket fields included.</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayProxyRequestContext? RequestContext { get; set; }
}
