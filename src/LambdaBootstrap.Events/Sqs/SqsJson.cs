using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// Source-generated JSON metadata for the SQS types, on its own so that a function pays only for the triggers it uses:
/// <c>LambdaHandler.Json(handler, SqsJson.Default.SQSEvent, SqsJson.Default.SQSBatchResponse)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
public sealed partial class SqsJson : JsonSerializerContext;
