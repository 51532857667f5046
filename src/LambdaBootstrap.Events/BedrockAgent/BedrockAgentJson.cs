using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon Bedrock agent action groups: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BedrockAgentEvent))]
[JsonSerializable(typeof(BedrockAgentResponse))]
public sealed partial class BedrockAgentJson : JsonSerializerContext;
