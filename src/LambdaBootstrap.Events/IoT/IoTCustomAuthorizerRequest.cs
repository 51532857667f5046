using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS IoT Core sends a custom authorizer when a device connects.</summary>
public sealed class IoTCustomAuthorizerRequest
{
    /// <summary>The token the device sent.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    /// <summary>Whether IoT verified the token's signature.</summary>
    [JsonPropertyName("signatureVerified")]
    public bool? SignatureVerified { get; set; }

    /// <summary><c>tls</c>, <c>http</c>, <c>mqtt</c>.</summary>
    [JsonPropertyName("protocols")]
    public List<string>? Protocols { get; set; }

    /// <summary>The protocols' data.</summary>
    [JsonPropertyName("protocolData")]
    public IoTProtocolData? ProtocolData { get; set; }

    /// <summary>The connection.</summary>
    [JsonPropertyName("connectionMetadata")]
    public IoTConnectionMetadata? ConnectionMetadata { get; set; }
}

/// <summary>What each protocol of a connection carries.</summary>
public sealed class IoTProtocolData
{
    /// <summary>TLS.</summary>
    [JsonPropertyName("tls")]
    public IoTTlsData? Tls { get; set; }

    /// <summary>HTTP.</summary>
    [JsonPropertyName("http")]
    public IoTHttpData? Http { get; set; }

    /// <summary>MQTT.</summary>
    [JsonPropertyName("mqtt")]
    public IoTMqttData? Mqtt { get; set; }
}

/// <summary>The TLS data of a connection.</summary>
public sealed class IoTTlsData
{
    /// <summary>The SNI server name.</summary>
    [JsonPropertyName("serverName")]
    public string? ServerName { get; set; }
}

/// <summary>The HTTP data of a connection.</summary>
public sealed class IoTHttpData
{
    /// <summary>The headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query string.</summary>
    [JsonPropertyName("queryString")]
    public string? QueryString { get; set; }
}

/// <summary>The MQTT data of a connection.</summary>
public sealed class IoTMqttData
{
    /// <summary>The user name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The password, base64-encoded.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>The client id.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }
}

/// <summary>The connection being authorized.</summary>
public sealed class IoTConnectionMetadata
{
    /// <summary>The connection's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}
