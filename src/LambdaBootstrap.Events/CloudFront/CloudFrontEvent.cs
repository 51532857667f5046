using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What CloudFront sends a Lambda@Edge function: a viewer or origin request, or a viewer or origin response with its
/// request. A request trigger returns the <see cref="RequestEntity"/> (changed or not) or a
/// <see cref="GeneratedResponseEntity"/>; a response trigger returns the <see cref="ResponseEntity"/> or a generated one.
/// The nested names are those of <c>Amazon.Lambda.CloudFrontEvents</c>.
/// </summary>
public sealed class CloudFrontEvent
{
    /// <summary>The event's single record.</summary>
    [JsonPropertyName("Records")]
    public List<RecordEntity>? Records { get; set; }

    /// <summary>One record.</summary>
    public sealed class RecordEntity
    {
        /// <summary>The CloudFront part.</summary>
        [JsonPropertyName("cf")]
        public CfEntity? Cf { get; set; }
    }

    /// <summary>The distribution, the request and, for response triggers, the response.</summary>
    public sealed class CfEntity
    {
        /// <summary>The distribution and the trigger.</summary>
        [JsonPropertyName("config")]
        public ConfigEntity? Config { get; set; }

        /// <summary>The viewer's request, or the request CloudFront forwards to the origin.</summary>
        [JsonPropertyName("request")]
        public RequestEntity? Request { get; set; }

        /// <summary>The origin's response, or the response to the viewer (response triggers only).</summary>
        [JsonPropertyName("response")]
        public ResponseEntity? Response { get; set; }
    }

    /// <summary>The distribution and the trigger.</summary>
    public sealed class ConfigEntity
    {
        /// <summary>The distribution's domain name.</summary>
        [JsonPropertyName("distributionDomainName")]
        public string? DistributionDomainName { get; set; }

        /// <summary>The distribution's id.</summary>
        [JsonPropertyName("distributionId")]
        public string? DistributionId { get; set; }

        /// <summary><c>viewer-request</c>, <c>origin-request</c>, <c>origin-response</c> or <c>viewer-response</c>.</summary>
        [JsonPropertyName("eventType")]
        public string? EventType { get; set; }

        /// <summary>The request's id (<c>x-edge-request-id</c> in the access logs).</summary>
        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }
    }

    /// <summary>An HTTP request; the function may change the writable parts and return it.</summary>
    public sealed class RequestEntity
    {
        /// <summary>The viewer's address.</summary>
        [JsonPropertyName("clientIp")]
        public string? ClientIp { get; set; }

        /// <summary>Headers by lower-case name; each entry keeps the name's case in <c>key</c>.</summary>
        [JsonPropertyName("headers")]
        public Dictionary<string, List<HeaderEntity>>? Headers { get; set; }

        /// <summary>The HTTP method.</summary>
        [JsonPropertyName("method")]
        public string? Method { get; set; }

        /// <summary>The query string without <c>?</c>, empty when there is none.</summary>
        [JsonPropertyName("querystring")]
        public string? Querystring { get; set; }

        /// <summary>The path of the requested object.</summary>
        [JsonPropertyName("uri")]
        public string? Uri { get; set; }

        /// <summary>The body, when the trigger includes it.</summary>
        [JsonPropertyName("body")]
        public BodyEntity? Body { get; set; }

        /// <summary>The origin the request goes to (origin triggers).</summary>
        [JsonPropertyName("origin")]
        public OriginEntity? Origin { get; set; }
    }

    /// <summary>An HTTP response from the origin or to the viewer.</summary>
    public sealed class ResponseEntity
    {
        /// <summary>The status code, as a string.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary>The status text.</summary>
        [JsonPropertyName("statusDescription")]
        public string? StatusDescription { get; set; }

        /// <summary>Headers by lower-case name.</summary>
        [JsonPropertyName("headers")]
        public Dictionary<string, List<HeaderEntity>>? Headers { get; set; }
    }

    /// <summary>A response the function makes itself, in place of the origin's.</summary>
    public sealed class GeneratedResponseEntity
    {
        /// <summary>The status code, as a string.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary>The status text.</summary>
        [JsonPropertyName("statusDescription")]
        public string? StatusDescription { get; set; }

        /// <summary>Headers by lower-case name.</summary>
        [JsonPropertyName("headers")]
        public Dictionary<string, List<HeaderEntity>>? Headers { get; set; }

        /// <summary>The body.</summary>
        [JsonPropertyName("body")]
        public string? Body { get; set; }

        /// <summary><c>text</c> or <c>base64</c>.</summary>
        [JsonPropertyName("bodyEncoding")]
        public string? BodyEncoding { get; set; }
    }

    /// <summary>One value of a header.</summary>
    public sealed class HeaderEntity
    {
        /// <summary>The header's name as sent.</summary>
        [JsonPropertyName("key")]
        public string? Key { get; set; }

        /// <summary>The value.</summary>
        [JsonPropertyName("value")]
        public string? Value { get; set; }
    }

    /// <summary>A request's body.</summary>
    public sealed class BodyEntity
    {
        /// <summary>Whether Lambda@Edge cut the body at its size limit.</summary>
        [JsonPropertyName("inputTruncated")]
        public bool? InputTruncated { get; set; }

        /// <summary><c>read-only</c>, or <c>replace</c> to send <see cref="Data"/> instead.</summary>
        [JsonPropertyName("action")]
        public string? Action { get; set; }

        /// <summary><c>base64</c> or <c>text</c>.</summary>
        [JsonPropertyName("encoding")]
        public string? Encoding { get; set; }

        /// <summary>The body, encoded as <see cref="Encoding"/> says.</summary>
        [JsonPropertyName("data")]
        public string? Data { get; set; }
    }

    /// <summary>The origin of an origin trigger: a custom origin or an S3 origin, never both.</summary>
    public sealed class OriginEntity
    {
        /// <summary>A custom origin.</summary>
        [JsonPropertyName("custom")]
        public CustomOriginEntity? Custom { get; set; }

        /// <summary>An S3 origin.</summary>
        [JsonPropertyName("s3")]
        public S3OriginEntity? S3 { get; set; }
    }

    /// <summary>A custom (HTTP) origin.</summary>
    public sealed class CustomOriginEntity
    {
        /// <summary>Headers added to the request to the origin.</summary>
        [JsonPropertyName("customHeaders")]
        public Dictionary<string, List<HeaderEntity>>? CustomHeaders { get; set; }

        /// <summary>The origin's domain name.</summary>
        [JsonPropertyName("domainName")]
        public string? DomainName { get; set; }

        /// <summary>Seconds the connection to the origin is kept open.</summary>
        [JsonPropertyName("keepaliveTimeout")]
        public int? KeepaliveTimeout { get; set; }

        /// <summary>The path prefix at the origin.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>The origin's port.</summary>
        [JsonPropertyName("port")]
        public int? Port { get; set; }

        /// <summary><c>http</c> or <c>https</c>.</summary>
        [JsonPropertyName("protocol")]
        public string? Protocol { get; set; }

        /// <summary>Seconds CloudFront waits for the origin's response.</summary>
        [JsonPropertyName("readTimeout")]
        public int? ReadTimeout { get; set; }

        /// <summary>The TLS versions allowed to the origin.</summary>
        [JsonPropertyName("sslProtocols")]
        public List<string>? SslProtocols { get; set; }
    }

    /// <summary>An S3 origin.</summary>
    public sealed class S3OriginEntity
    {
        /// <summary><c>origin-access-identity</c> or <c>none</c>.</summary>
        [JsonPropertyName("authMethod")]
        public string? AuthMethod { get; set; }

        /// <summary>Headers added to the request to the origin.</summary>
        [JsonPropertyName("customHeaders")]
        public Dictionary<string, List<HeaderEntity>>? CustomHeaders { get; set; }

        /// <summary>The bucket's domain name.</summary>
        [JsonPropertyName("domainName")]
        public string? DomainName { get; set; }

        /// <summary>The path prefix in the bucket.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>The bucket's region.</summary>
        [JsonPropertyName("region")]
        public string? Region { get; set; }
    }
}
