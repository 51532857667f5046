using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Systems Manager Run Command status change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SsmCommandStatusChangeEvent))]
public sealed partial class SsmCommandStatusChangeJson : JsonSerializerContext;
