using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS Transfer Family Lambda identity providers.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TransferFamilyAuthorizerRequest))]
[JsonSerializable(typeof(TransferFamilyAuthorizerResponse))]
public sealed partial class TransferFamilyJson : JsonSerializerContext;
