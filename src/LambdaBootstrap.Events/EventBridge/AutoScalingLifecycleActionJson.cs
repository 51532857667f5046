using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Auto Scaling lifecycle action events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AutoScalingLifecycleActionEvent))]
public sealed partial class AutoScalingLifecycleActionJson : JsonSerializerContext;
