using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="KinesisEvent"/>; a partial batch response is an <see cref="SQSBatchResponse"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
public sealed partial class KinesisJson : JsonSerializerContext;
