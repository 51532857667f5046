using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An Amazon EventBridge (CloudWatch Events) event. <typeparamref name="TDetail"/> is the <c>detail</c> object's type:
/// <see cref="System.Text.Json.JsonElement"/> for any event, or a type of your own, listed in your own
/// <c>JsonSerializerContext</c> as <c>[JsonSerializable(typeof(EventBridgeEvent&lt;MyDetail&gt;))]</c>.
/// </summary>
public class EventBridgeEvent<TDetail>
{
    /// <summary>The event's format version, <c>0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The event's unique id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>What kind of event it is, e.g. <c>Scheduled Event</c>.</summary>
    [JsonPropertyName("detail-type")]
    public string? DetailType { get; set; }

    /// <summary>The service or application that sent it, e.g. <c>aws.events</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The account the event belongs to.</summary>
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>When the event happened.</summary>
    [JsonConverter(typeof(IsoTimeConverter))]
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; set; }

    /// <summary>The region it happened in.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The ARNs of the resources involved (the rule, for a schedule).</summary>
    [JsonPropertyName("resources")]
    public List<string>? Resources { get; set; }

    /// <summary>The event's own data. An event without one is written without one (a missing <see cref="System.Text.Json.JsonElement"/> is not null but undefined).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonPropertyName("detail")]
    public TDetail? Detail { get; set; }
}
