using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Step Functions execution status change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StepFunctionsExecutionStatusChangeEvent))]
public sealed partial class StepFunctionsExecutionStatusChangeJson : JsonSerializerContext;
