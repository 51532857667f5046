using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The client certificate of a mutual TLS request, in REST (1.0) and HTTP API (2.0) events alike.</summary>
public sealed class APIGatewayClientCertificate
{
    /// <summary>The certificate, PEM.</summary>
    [JsonPropertyName("clientCertPem")]
    public string? ClientCertPem { get; set; }

    /// <summary>The subject's distinguished name.</summary>
    [JsonPropertyName("subjectDN")]
    public string? SubjectDN { get; set; }

    /// <summary>The issuer's distinguished name.</summary>
    [JsonPropertyName("issuerDN")]
    public string? IssuerDN { get; set; }

    /// <summary>The serial number.</summary>
    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; set; }

    /// <summary>When the certificate is valid.</summary>
    [JsonPropertyName("validity")]
    public APIGatewayClientCertificateValidity? Validity { get; set; }
}

/// <summary>A client certificate's validity, as API Gateway writes it (<c>May 28 12:30:02 2019 GMT</c>).</summary>
public sealed class APIGatewayClientCertificateValidity
{
    /// <summary>Not valid before this.</summary>
    [JsonPropertyName("notBefore")]
    public string? NotBefore { get; set; }

    /// <summary>Not valid after this.</summary>
    [JsonPropertyName("notAfter")]
    public string? NotAfter { get; set; }
}
