using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS CloudFormation sends a custom resource's function. The function answers by a <c>PUT</c> of a <see cref="CloudFormationCustomResourceResponse"/> to <see cref="ResponseURL"/>.</summary>
public sealed class CloudFormationCustomResourceRequest
{
    /// <summary><c>Create</c>, <c>Update</c> or <c>Delete</c>.</summary>
    [JsonPropertyName("RequestType")]
    public string? RequestType { get; set; }

    /// <summary>The presigned S3 URL to put the response to.</summary>
    [JsonPropertyName("ResponseURL")]
    public string? ResponseURL { get; set; }

    /// <summary>The stack.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>The resource type, e.g. <c>Custom::Thing</c>.</summary>
    [JsonPropertyName("ResourceType")]
    public string? ResourceType { get; set; }

    /// <summary>The resource's name in the template.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary><c>Update</c> and <c>Delete</c>: the id the function gave.</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>The properties in the template.</summary>
    [JsonPropertyName("ResourceProperties")]
    public Dictionary<string, JsonElement>? ResourceProperties { get; set; }

    /// <summary><c>Update</c>: the properties before.</summary>
    [JsonPropertyName("OldResourceProperties")]
    public Dictionary<string, JsonElement>? OldResourceProperties { get; set; }

    /// <summary>The function's ARN.</summary>
    [JsonPropertyName("ServiceToken")]
    public string? ServiceToken { get; set; }

    /// <summary>A response to this request: its ids copied, <paramref name="status"/> <c>SUCCESS</c> or <c>FAILED</c>.</summary>
    public CloudFormationCustomResourceResponse Reply(string status, string physicalResourceId, string? reason = null) => new()
    {
        Status = status,
        Reason = reason,
        PhysicalResourceId = physicalResourceId,
        StackId = StackId,
        RequestId = RequestId,
        LogicalResourceId = LogicalResourceId,
    };
}
