using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What an AWS AppSync Events API sends a Lambda function integrated directly with a channel namespace: a publish
/// (the events to broadcast) or a subscribe (no events). With the <c>REQUEST_RESPONSE</c> invoke type the function
/// answers with an <see cref="AppSyncEventsResponse"/>.
/// </summary>
public sealed class AppSyncEventsEvent
{
    /// <summary>The caller as its authorization mode describes it (IAM, Cognito, Lambda authorizer); null with an API key.</summary>
    [JsonPropertyName("identity")]
    public JsonElement? Identity { get; set; }

    /// <summary>The HTTP or WebSocket request's headers and domain name.</summary>
    [JsonPropertyName("request")]
    public AppSyncEventsRequest? Request { get; set; }

    /// <summary>The channel, its namespace and the operation.</summary>
    [JsonPropertyName("info")]
    public AppSyncEventsInfo? Info { get; set; }

    /// <summary>The published events; null for a subscribe.</summary>
    [JsonPropertyName("events")]
    public List<AppSyncEventsIncomingEvent>? Events { get; set; }

    /// <summary>Values the namespace's handlers stored for later ones.</summary>
    [JsonPropertyName("stash")]
    public Dictionary<string, JsonElement>? Stash { get; set; }

    /// <summary>Errors the handlers reported so far.</summary>
    [JsonPropertyName("outErrors")]
    public List<JsonElement>? OutErrors { get; set; }

    /// <summary>The error of an earlier step, if any.</summary>
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    /// <summary>The previous step's result, if any.</summary>
    [JsonPropertyName("prev")]
    public JsonElement? Prev { get; set; }

    /// <summary>The current result, if any.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; set; }
}

/// <summary>The request behind an <see cref="AppSyncEventsEvent"/>.</summary>
public sealed class AppSyncEventsRequest
{
    /// <summary>The request's headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The custom domain name the request used, or null.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }
}

/// <summary>Where an <see cref="AppSyncEventsEvent"/> goes and what it does.</summary>
public sealed class AppSyncEventsInfo
{
    /// <summary>The channel.</summary>
    [JsonPropertyName("channel")]
    public AppSyncEventsChannel? Channel { get; set; }

    /// <summary>The channel's namespace.</summary>
    [JsonPropertyName("channelNamespace")]
    public AppSyncEventsChannelNamespace? ChannelNamespace { get; set; }

    /// <summary><c>PUBLISH</c> or <c>SUBSCRIBE</c>.</summary>
    [JsonPropertyName("operation")]
    public string? Operation { get; set; }
}

/// <summary>A channel of an AppSync Events API.</summary>
public sealed class AppSyncEventsChannel
{
    /// <summary>The channel's path, e.g. <c>/chat/room-1</c>.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The path's segments, the namespace first.</summary>
    [JsonPropertyName("segments")]
    public List<string>? Segments { get; set; }
}

/// <summary>A channel namespace of an AppSync Events API.</summary>
public sealed class AppSyncEventsChannelNamespace
{
    /// <summary>The namespace's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>A published event.</summary>
public sealed class AppSyncEventsIncomingEvent
{
    /// <summary>The event's id, which an outgoing event keeps.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>What the publisher sent.</summary>
    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; set; }
}
