using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for a Kinesis Data Analytics application's Lambda output.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KinesisAnalyticsOutputDeliveryEvent))]
[JsonSerializable(typeof(KinesisAnalyticsOutputDeliveryResponse))]
public sealed partial class KinesisAnalyticsOutputDeliveryJson : JsonSerializerContext;
