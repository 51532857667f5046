using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Kinesis Data Analytics input preprocessing, from a data stream or a Firehose stream.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisAnalyticsStreamsInputPreprocessingEvent))]
[JsonSerializable(typeof(KinesisAnalyticsFirehoseInputPreprocessingEvent))]
[JsonSerializable(typeof(KinesisAnalyticsInputPreprocessingResponse))]
public sealed partial class KinesisAnalyticsInputPreprocessingJson : JsonSerializerContext;
