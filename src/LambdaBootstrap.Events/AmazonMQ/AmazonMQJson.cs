using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for Amazon MQ events (ActiveMQ and RabbitMQ).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActiveMQEvent))]
[JsonSerializable(typeof(RabbitMQEvent))]
public sealed partial class AmazonMQJson : JsonSerializerContext;
