using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for CloudTrail API call and console sign-in events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AwsApiCallEvent))]
public sealed partial class AwsApiCallJson : JsonSerializerContext;
