using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An Amazon Transcribe <c>Transcribe Job State Change</c> event, source <c>aws.transcribe</c>.</summary>
public sealed class TranscribeJobStateChangeEvent : EventBridgeEvent<TranscribeJobStateChangeDetail>;

/// <summary>The detail of a transcription job state change.</summary>
public sealed class TranscribeJobStateChangeDetail
{
    /// <summary>The transcription job's name.</summary>
    [JsonPropertyName("TranscriptionJobName")]
    public string? TranscriptionJobName { get; set; }

    /// <summary><c>COMPLETED</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("TranscriptionJobStatus")]
    public string? TranscriptionJobStatus { get; set; }
}
