using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The request context of a payload 2.0 request: API, route, stage, client and authorizer.</summary>
public sealed class APIGatewayHttpApiV2RequestContext
{
    /// <summary>The API owner's account (<c>anonymous</c> for a Function URL without IAM auth).</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The API's id (the URL id for a Function URL).</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>Mutual TLS: the client certificate.</summary>
    [JsonPropertyName("authentication")]
    public APIGatewayHttpApiV2Authentication? Authentication { get; set; }

    /// <summary>What the authorizer established: JWT claims, a Lambda authorizer's context, or the IAM caller.</summary>
    [JsonPropertyName("authorizer")]
    public APIGatewayHttpApiV2Authorizer? Authorizer { get; set; }

    /// <summary>The domain name the request came in on.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    /// <summary>The first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    /// <summary>The HTTP request line's parts and the client.</summary>
    [JsonPropertyName("http")]
    public APIGatewayHttpApiV2HttpDescription? Http { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>The route that matched.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>The stage, <c>$default</c> for the default stage and for Function URLs.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>When the request came in, in CLF format (<c>12/Mar/2020:19:03:58 +0000</c>).</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>When the request came in, in epoch milliseconds.</summary>
    [JsonPropertyName("timeEpoch")]
    public long? TimeEpoch { get; set; }

    /// <summary><see cref="TimeEpoch"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? TimeUtc => EpochTime.FromMilliseconds(TimeEpoch);
}

/// <summary>The HTTP side of a payload 2.0 request.</summary>
public sealed class APIGatewayHttpApiV2HttpDescription
{
    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The protocol, e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>The IP address of the client that reached API Gateway.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    /// <summary>The client's User-Agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }
}

/// <summary>The mutual TLS part of a payload 2.0 request.</summary>
public sealed class APIGatewayHttpApiV2Authentication
{
    /// <summary>The client certificate.</summary>
    [JsonPropertyName("clientCert")]
    public APIGatewayClientCertificate? ClientCert { get; set; }
}
