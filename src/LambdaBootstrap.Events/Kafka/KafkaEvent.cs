using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Lambda sends for a batch of records from Amazon MSK or a self-managed Apache Kafka cluster.</summary>
public sealed class KafkaEvent
{
    /// <summary><c>aws:kafka</c> (MSK) or <c>SelfManagedKafka</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The MSK cluster's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The brokers, comma-separated.</summary>
    [JsonPropertyName("bootstrapServers")]
    public string? BootstrapServers { get; set; }

    /// <summary>The records, by <c>topic-partition</c>.</summary>
    [JsonPropertyName("records")]
    public Dictionary<string, List<KafkaEventRecord>>? Records { get; set; }
}

/// <summary>One Kafka record. Key and value are base64-encoded; header values are byte arrays.</summary>
public sealed class KafkaEventRecord
{
    /// <summary>The topic.</summary>
    [JsonPropertyName("topic")]
    public string? Topic { get; set; }

    /// <summary>The partition.</summary>
    [JsonPropertyName("partition")]
    public int? Partition { get; set; }

    /// <summary>The record's offset.</summary>
    [JsonPropertyName("offset")]
    public long? Offset { get; set; }

    /// <summary>The record's timestamp, in epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    /// <summary><c>CREATE_TIME</c> or <c>LOG_APPEND_TIME</c>.</summary>
    [JsonPropertyName("timestampType")]
    public string? TimestampType { get; set; }

    /// <summary>The key, base64-encoded (absent for a record without one).</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The value, base64-encoded.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>The headers in order: each a name and its value's bytes.</summary>
    [JsonPropertyName("headers")]
    public List<Dictionary<string, List<int>>>? Headers { get; set; }

    /// <summary>With a schema registry: the key's schema.</summary>
    [JsonPropertyName("keySchemaMetadata")]
    public KafkaSchemaMetadata? KeySchemaMetadata { get; set; }

    /// <summary>With a schema registry: the value's schema.</summary>
    [JsonPropertyName("valueSchemaMetadata")]
    public KafkaSchemaMetadata? ValueSchemaMetadata { get; set; }

    /// <summary>The key's bytes, or null when the record has no key.</summary>
    public byte[]? DecodeKey() => Key is null ? null : Convert.FromBase64String(Key);

    /// <summary>The value's bytes (empty for a tombstone).</summary>
    public byte[] DecodeValue() => Convert.FromBase64String(Value ?? "");

    /// <summary>The value as UTF-8 text.</summary>
    public string DecodeValueText() => System.Text.Encoding.UTF8.GetString(DecodeValue());

    /// <summary>The headers in order, each value's bytes decoded (Kafka allows a name more than once).</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> DecodeHeaders()
    {
        foreach (var header in Headers ?? [])
        {
            foreach (var (name, value) in header)
                yield return new(name, value.Select(b => unchecked((byte)b)).ToArray());
        }
    }

    /// <summary>The last value of header <paramref name="name"/> as UTF-8 text, or null without one.</summary>
    public string? HeaderText(string name)
    {
        string? text = null;
        foreach (var (key, value) in DecodeHeaders())
        {
            if (key == name)
                text = System.Text.Encoding.UTF8.GetString(value);
        }
        return text;
    }

    /// <summary><see cref="Timestamp"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? Time => EpochTime.FromMilliseconds(Timestamp);
}

/// <summary>The schema of a key or value, when a schema registry decodes the records.</summary>
public sealed class KafkaSchemaMetadata
{
    /// <summary><c>AVRO</c>, <c>JSON</c> or <c>PROTOBUF</c>.</summary>
    [JsonPropertyName("dataFormat")]
    public string? DataFormat { get; set; }

    /// <summary>The schema's id.</summary>
    [JsonPropertyName("schemaId")]
    public string? SchemaId { get; set; }
}
