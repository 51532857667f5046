using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon Lex V2 code hooks: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LexV2Event))]
[JsonSerializable(typeof(LexV2Response))]
public sealed partial class LexV2Json : JsonSerializerContext;
