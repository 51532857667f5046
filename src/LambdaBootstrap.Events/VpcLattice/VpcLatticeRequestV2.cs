using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A request a VPC Lattice service forwards to a Lambda target group whose event structure version is <c>V2</c>:
/// every header and query parameter with all its values, and who called from where.
/// </summary>
public sealed class VpcLatticeRequestV2
{
    /// <summary><c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The request's path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    /// <summary>The headers, every value of each (a lone string is read as one value).</summary>
    [JsonPropertyName("headers")]
    [JsonConverter(typeof(StringOrListMapConverter))]
    public Dictionary<string, List<string>>? Headers { get; set; }

    /// <summary>The query string's parameters, every value of each (a lone string is read as one value).</summary>
    [JsonPropertyName("queryStringParameters")]
    [JsonConverter(typeof(StringOrListMapConverter))]
    public Dictionary<string, List<string>>? QueryStringParameters { get; set; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }

    /// <summary>The service network, service and target group, and the caller.</summary>
    [JsonPropertyName("requestContext")]
    public VpcLatticeRequestContext? RequestContext { get; set; }
}

/// <summary>Where a VPC Lattice 2.0 request went and who sent it.</summary>
public sealed class VpcLatticeRequestContext
{
    /// <summary>The service network's ARN.</summary>
    [JsonPropertyName("serviceNetworkArn")]
    public string? ServiceNetworkArn { get; set; }

    /// <summary>The service's ARN.</summary>
    [JsonPropertyName("serviceArn")]
    public string? ServiceArn { get; set; }

    /// <summary>The target group's ARN.</summary>
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }

    /// <summary>The caller.</summary>
    [JsonPropertyName("identity")]
    public VpcLatticeIdentity? Identity { get; set; }

    /// <summary>The target group's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>When the request arrived, in microseconds since the Unix epoch, as text.</summary>
    [JsonPropertyName("timeEpoch")]
    public string? TimeEpoch { get; set; }
}

/// <summary>The caller of a VPC Lattice 2.0 request: its VPC, its IAM principal, its client certificate.</summary>
public sealed class VpcLatticeIdentity
{
    /// <summary>The ARN of the VPC the request came from.</summary>
    [JsonPropertyName("sourceVpcArn")]
    public string? SourceVpcArn { get; set; }

    /// <summary><c>AWS_IAM</c> when the service's auth policy authenticated the caller.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The authenticated principal's ARN.</summary>
    [JsonPropertyName("principal")]
    public string? Principal { get; set; }

    /// <summary>The principal's organization.</summary>
    [JsonPropertyName("principalOrgID")]
    public string? PrincipalOrgID { get; set; }

    /// <summary>The session name of an assumed role.</summary>
    [JsonPropertyName("sessionName")]
    public string? SessionName { get; set; }

    /// <summary>The client certificate's DNS subject alternative name.</summary>
    [JsonPropertyName("x509SanDns")]
    public string? X509SanDns { get; set; }

    /// <summary>The client certificate's name/CN subject alternative name.</summary>
    [JsonPropertyName("x509SanNameCn")]
    public string? X509SanNameCn { get; set; }

    /// <summary>The client certificate's URI subject alternative name.</summary>
    [JsonPropertyName("x509SanUri")]
    public string? X509SanUri { get; set; }

    /// <summary>The client certificate's subject common name.</summary>
    [JsonPropertyName("x509SubjectCn")]
    public string? X509SubjectCn { get; set; }
}
