using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon DocumentDB change stream events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DocumentDBEvent))]
public sealed partial class DocumentDBJson : JsonSerializerContext;
