using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for CodePipeline state change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CodePipelineStateChangeEvent))]
public sealed partial class CodePipelineStateChangeJson : JsonSerializerContext;
