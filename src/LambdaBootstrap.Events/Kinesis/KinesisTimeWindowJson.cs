using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Kinesis tumbling windows: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisTimeWindowEvent))]
[JsonSerializable(typeof(TimeWindowResponse))]
public sealed partial class KinesisTimeWindowJson : JsonSerializerContext;
