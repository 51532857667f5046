using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// The response to an ALB request. With multi-value headers enabled on the target group, the load balancer reads
/// <see cref="MultiValueHeaders"/> only; otherwise <see cref="Headers"/> only.
/// </summary>
public sealed class ApplicationLoadBalancerResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>The status line's text, e.g. <c>200 OK</c>.</summary>
    [JsonPropertyName("statusDescription")]
    public string? StatusDescription { get; set; }

    /// <summary>The headers (single-value mode).</summary>
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
