using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="SNSEvent"/>. Names are matched case-insensitively: SNS has spelled <c>SigningCertUrl</c> both ways.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SNSEvent))]
public sealed partial class SnsJson : JsonSerializerContext;
