using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS IoT fleet provisioning sends a pre-provisioning hook.</summary>
public sealed class IoTPreProvisioningHookRequest
{
    /// <summary>The claim certificate.</summary>
    [JsonPropertyName("claimCertificateId")]
    public string? ClaimCertificateId { get; set; }

    /// <summary>The new device's certificate.</summary>
    [JsonPropertyName("certificateId")]
    public string? CertificateId { get; set; }

    /// <summary>The new certificate, in PEM.</summary>
    [JsonPropertyName("certificatePem")]
    public string? CertificatePem { get; set; }

    /// <summary>The provisioning template.</summary>
    [JsonPropertyName("templateArn")]
    public string? TemplateArn { get; set; }

    /// <summary>The MQTT client id.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>The device's parameters.</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, string>? Parameters { get; set; }
}

/// <summary>What a pre-provisioning hook returns.</summary>
public sealed class IoTPreProvisioningHookResponse
{
    /// <summary>Whether to provision the device.</summary>
    [JsonPropertyName("allowProvisioning")]
    public bool? AllowProvisioning { get; set; }

    /// <summary>Parameters to change before provisioning.</summary>
    [JsonPropertyName("parameterOverrides")]
    public Dictionary<string, string>? ParameterOverrides { get; set; }
}
