using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon Connect flow events and their responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContactFlowEvent))]
[JsonSerializable(typeof(ContactFlowResponse))]
public sealed partial class ConnectJson : JsonSerializerContext;
