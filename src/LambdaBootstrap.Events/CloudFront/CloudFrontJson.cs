using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Lambda@Edge events and the answers a function returns to CloudFront.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudFrontEvent))]
[JsonSerializable(typeof(CloudFrontEvent.RequestEntity))]
[JsonSerializable(typeof(CloudFrontEvent.ResponseEntity))]
[JsonSerializable(typeof(CloudFrontEvent.GeneratedResponseEntity))]
public sealed partial class CloudFrontJson : JsonSerializerContext;
