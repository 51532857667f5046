using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon SES email receiving: the event and the synchronous disposition.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimpleEmailEvent))]
[JsonSerializable(typeof(SimpleEmailDisposition))]
public sealed partial class SimpleEmailJson : JsonSerializerContext;
