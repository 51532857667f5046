using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AWS Client VPN endpoint sends its client connect handler.</summary>
public sealed class ClientVpnConnectionRequest
{
    /// <summary>The connection.</summary>
    [JsonPropertyName("connection-id")]
    public string? ConnectionId { get; set; }

    /// <summary>The Client VPN endpoint.</summary>
    [JsonPropertyName("endpoint-id")]
    public string? EndpointId { get; set; }

    /// <summary>The client certificate's common name.</summary>
    [JsonPropertyName("common-name")]
    public string? CommonName { get; set; }

    /// <summary>The user.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The client's operating system.</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; set; }

    /// <summary>Its version.</summary>
    [JsonPropertyName("platform-version")]
    public string? PlatformVersion { get; set; }

    /// <summary>The client's IP address.</summary>
    [JsonPropertyName("public-ip")]
    public string? PublicIp { get; set; }

    /// <summary>The client's OpenVPN version.</summary>
    [JsonPropertyName("client-openvpn-version")]
    public string? ClientOpenVpnVersion { get; set; }

    /// <summary><c>v1</c>.</summary>
    [JsonPropertyName("schema-version")]
    public string? SchemaVersion { get; set; }
}

/// <summary>What a Client VPN client connect handler returns.</summary>
public sealed class ClientVpnConnectionResponse
{
    /// <summary>Whether to accept the connection.</summary>
    [JsonPropertyName("allow")]
    public bool? Allow { get; set; }

    /// <summary>The message the client shows when refused.</summary>
    [JsonPropertyName("error-msg-on-denied-connection")]
    public string? ErrorMsgOnDeniedConnection { get; set; }

    /// <summary>The device's posture compliance statuses.</summary>
    [JsonPropertyName("posture-compliance-statuses")]
    public List<string>? PostureComplianceStatuses { get; set; }

    /// <summary><c>v1</c>.</summary>
    [JsonPropertyName("schema-version")]
    public string? SchemaVersion { get; set; }
}
