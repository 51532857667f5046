using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An API Gateway HTTP API request in payload format 2.0; Lambda Function URLs send the same shape.</summary>
public class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>The payload format, <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The route that matched, e.g. <c>GET /items/{id}</c>, or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>The request path as the client sent it (still percent-encoded).</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    /// <summary>The query string as the client sent it, without the <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>The request's cookies, <c>name=value</c> each; they are not in <see cref="Headers"/>.</summary>
    [JsonPropertyName("cookies")]
    public List<string>? Cookies { get; set; }

    /// <summary>The headers; several values of one header are joined with commas.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query string parameters; several values of one parameter are joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The path parameters of the route.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Everything about the request beyond HTTP.</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayHttpApiV2RequestContext? RequestContext { get; set; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}
