using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS IoT Button events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IoTButtonEvent))]
public sealed partial class IoTButtonJson : JsonSerializerContext;
