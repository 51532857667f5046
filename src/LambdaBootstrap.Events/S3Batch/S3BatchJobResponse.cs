using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a Batch Operations function returns: the result of each task.</summary>
public sealed class S3BatchJobResponse
{
    /// <summary>The event's schema version.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    public string? InvocationSchemaVersion { get; set; }

    /// <summary>The result code for tasks the response leaves out: <c>Succeeded</c>, <c>TemporaryFailure</c> or <c>PermanentFailure</c>.</summary>
    [JsonPropertyName("treatMissingKeysAs")]
    public string? TreatMissingKeysAs { get; set; }

    /// <summary>The event's invocation id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>One result per task.</summary>
    [JsonPropertyName("results")]
    public List<S3BatchJobResponse.Result>? Results { get; set; }

    /// <summary>The result of one task.</summary>
    public sealed class Result
    {
        /// <summary>The task's id.</summary>
        [JsonPropertyName("taskId")]
        public string? TaskId { get; set; }

        /// <summary><c>Succeeded</c>, <c>TemporaryFailure</c> (retried) or <c>PermanentFailure</c>.</summary>
        [JsonPropertyName("resultCode")]
        public string? ResultCode { get; set; }

        /// <summary>A message for the job's completion report.</summary>
        [JsonPropertyName("resultString")]
        public string? ResultString { get; set; }
    }
}
