using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon Lex (V1) code hook events and responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LexEvent))]
[JsonSerializable(typeof(LexResponse))]
public sealed partial class LexJson : JsonSerializerContext;
