using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for CloudFormation custom resources: request and response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudFormationCustomResourceRequest))]
[JsonSerializable(typeof(CloudFormationCustomResourceResponse))]
public sealed partial class CloudFormationJson : JsonSerializerContext;
