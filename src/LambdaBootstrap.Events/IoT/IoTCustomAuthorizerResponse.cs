using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AWS IoT Core custom authorizer returns.</summary>
public sealed class IoTCustomAuthorizerResponse
{
    /// <summary>Whether the device may connect.</summary>
    [JsonPropertyName("isAuthenticated")]
    public bool? IsAuthenticated { get; set; }

    /// <summary>The principal.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>How long the connection may last (300 to 86,400).</summary>
    [JsonPropertyName("disconnectAfterInSeconds")]
    public int? DisconnectAfterInSeconds { get; set; }

    /// <summary>How long until the policy is refreshed (300 to 86,400).</summary>
    [JsonPropertyName("refreshAfterInSeconds")]
    public int? RefreshAfterInSeconds { get; set; }

    /// <summary>IAM policies, each as JSON text.</summary>
    [JsonPropertyName("policyDocuments")]
    public List<string>? PolicyDocuments { get; set; }
}
