using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for ECS container instance state change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ECSContainerInstanceStateChangeEvent))]
public sealed partial class ECSContainerInstanceStateChangeJson : JsonSerializerContext;
