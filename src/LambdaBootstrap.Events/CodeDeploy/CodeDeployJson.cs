using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for CodeDeploy lifecycle hook events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CodeDeployLifecycleHookEvent))]
public sealed partial class CodeDeployJson : JsonSerializerContext;
