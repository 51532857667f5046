using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The partial batch response of a stream (Kinesis, DynamoDB Streams, Kafka): the first record that failed, so that processing resumes there.</summary>
public sealed class StreamsEventResponse
{
    /// <summary>The failed records (Lambda retries from the lowest sequence number).</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<StreamsEventResponse.BatchItemFailure>? BatchItemFailures { get; set; }

    /// <summary>A record that failed.</summary>
    public sealed class BatchItemFailure
    {
        /// <summary>The record's sequence number (Kinesis, DynamoDB) or offset.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
