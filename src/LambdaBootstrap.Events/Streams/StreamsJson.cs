using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="StreamsEventResponse"/>, the partial batch response of Kinesis and DynamoDB Streams.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class StreamsJson : JsonSerializerContext;
