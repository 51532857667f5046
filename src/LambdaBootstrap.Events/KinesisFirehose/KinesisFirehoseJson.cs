using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Firehose transformation: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisFirehoseEvent))]
[JsonSerializable(typeof(KinesisFirehoseResponse))]
// Both types name their record FirehoseRecord, as Amazon.Lambda.KinesisFirehoseEvents does: the response's gets its own names.
[JsonSerializable(typeof(KinesisFirehoseResponse.FirehoseRecord), TypeInfoPropertyName = "ResponseFirehoseRecord")]
[JsonSerializable(typeof(List<KinesisFirehoseResponse.FirehoseRecord>), TypeInfoPropertyName = "ResponseListFirehoseRecord")]
public sealed partial class KinesisFirehoseJson : JsonSerializerContext;
