using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The response a custom resource puts to the request's <c>ResponseURL</c>.</summary>
public sealed class CloudFormationCustomResourceResponse
{
    /// <summary><c>SUCCESS</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; set; }

    /// <summary>Why it failed (required with <c>FAILED</c>).</summary>
    [JsonPropertyName("Reason")]
    public string? Reason { get; set; }

    /// <summary>The resource's id.</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>The request's stack.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>The request's logical id.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary>Whether to mask <see cref="Data"/> in outputs.</summary>
    [JsonPropertyName("NoEcho")]
    public bool? NoEcho { get; set; }

    /// <summary>Values for <c>Fn::GetAtt</c>.</summary>
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; set; }
}
