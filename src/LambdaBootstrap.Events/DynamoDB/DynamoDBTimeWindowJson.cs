using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for DynamoDB Streams tumbling windows: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDBTimeWindowEvent))]
[JsonSerializable(typeof(TimeWindowResponse))]
public sealed partial class DynamoDBTimeWindowJson : JsonSerializerContext;
