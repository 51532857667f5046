using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="DynamoDBEvent"/>; a partial batch response is an <see cref="SQSBatchResponse"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
public sealed partial class DynamoDBJson : JsonSerializerContext;
