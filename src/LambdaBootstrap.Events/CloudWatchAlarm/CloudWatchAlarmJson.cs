using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for the events of CloudWatch alarms' Lambda actions.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudWatchAlarmEvent))]
public sealed partial class CloudWatchAlarmJson : JsonSerializerContext;
