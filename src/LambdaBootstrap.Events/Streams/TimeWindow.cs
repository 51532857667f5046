using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>A tumbling window of a stream.</summary>
public sealed class TimeWindow
{
    /// <summary>When it starts (ISO 8601).</summary>
    [JsonPropertyName("start")]
    public string? Start { get; set; }

    /// <summary>When it ends (ISO 8601).</summary>
    [JsonPropertyName("end")]
    public string? End { get; set; }
}
