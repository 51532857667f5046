using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an HTTP API sends a Lambda authorizer with payload format 2.0.</summary>
public sealed class APIGatewayCustomAuthorizerV2Request
{
    /// <summary><c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary><c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The ARN of the route being called.</summary>
    [JsonPropertyName("routeArn")]
    public string? RouteArn { get; set; }

    /// <summary>The values of the identity sources.</summary>
    [JsonPropertyName("identitySource")]
    public List<string>? IdentitySource { get; set; }

    /// <summary>The route, e.g. <c>GET /items/{id}</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    /// <summary>The query string, as sent.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>The cookies.</summary>
    [JsonPropertyName("cookies")]
    public List<string>? Cookies { get; set; }

    /// <summary>The headers, values of a repeated header joined with commas.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query parameters, repeated ones joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The request context.</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayHttpApiV2RequestContext? RequestContext { get; set; }

    /// <summary>The path parameters.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }
}
