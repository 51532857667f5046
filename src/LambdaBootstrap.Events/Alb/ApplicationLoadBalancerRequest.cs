using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An Application Load Balancer target group request. With multi-value headers enabled on the target group, the
/// <c>multiValue*</c> members are set instead of <see cref="Headers"/> and <see cref="QueryStringParameters"/>.
/// Query values arrive as the client sent them, still percent-encoded.
/// </summary>
public sealed class ApplicationLoadBalancerRequest
{
    /// <summary>Which target group sent it.</summary>
    [JsonPropertyName("requestContext")]
    public ApplicationLoadBalancerRequestContext? RequestContext { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The query string parameters (single-value mode).</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The query string parameters, every value (multi-value mode).</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>The headers (single-value mode), names in lower case.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The headers, every value (multi-value mode).</summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

/// <summary>The request context of an ALB request.</summary>
public sealed class ApplicationLoadBalancerRequestContext
{
    /// <summary>The load balancer's part.</summary>
    [JsonPropertyName("elb")]
    public ApplicationLoadBalancerElbContext? Elb { get; set; }
}

/// <summary>The target group behind an ALB request.</summary>
public sealed class ApplicationLoadBalancerElbContext
{
    /// <summary>The target group's ARN.</summary>
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }
}
