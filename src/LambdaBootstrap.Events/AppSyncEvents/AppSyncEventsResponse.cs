using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// The answer to an <see cref="AppSyncEventsEvent"/>. A publish returns the events to broadcast (an event left out is
/// not broadcast; one with an error is reported to its publisher); a subscribe returns an <see cref="Error"/> to
/// refuse the subscription, or null to accept it.
/// </summary>
public sealed class AppSyncEventsResponse
{
    /// <summary>The events to broadcast.</summary>
    [JsonPropertyName("events")]
    public List<AppSyncEventsOutgoingEvent>? Events { get; set; }

    /// <summary>Why the whole publish or the subscribe failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

/// <summary>An event to broadcast, or one that failed.</summary>
public sealed class AppSyncEventsOutgoingEvent
{
    /// <summary>The published event's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>What subscribers receive.</summary>
    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; set; }

    /// <summary>Why this event failed; it is then not broadcast.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
