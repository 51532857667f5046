using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for CloudWatch alarm state change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudWatchAlarmStateChangeEvent))]
public sealed partial class CloudWatchAlarmStateChangeJson : JsonSerializerContext;
