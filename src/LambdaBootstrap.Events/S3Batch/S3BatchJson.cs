using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for S3 Batch Operations: the job event and the results.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3BatchJobEvent))]
[JsonSerializable(typeof(S3BatchJobResponse))]
public sealed partial class S3BatchJson : JsonSerializerContext;
