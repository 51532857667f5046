using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An active context of a Lex (V1) session: it makes the intents that take it as input eligible.</summary>
public sealed class LexActiveContext
{
    /// <summary>The context's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>How long the context stays active.</summary>
    [JsonPropertyName("timeToLive")]
    public LexActiveContextTimeToLive? TimeToLive { get; set; }

    /// <summary>The context's parameters.</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, string>? Parameters { get; set; }
}

/// <summary>How long a Lex context stays active: in seconds and in turns, whichever ends first.</summary>
public sealed class LexActiveContextTimeToLive
{
    /// <summary>Seconds.</summary>
    [JsonPropertyName("timeToLiveInSeconds")]
    public int? TimeToLiveInSeconds { get; set; }

    /// <summary>Turns of the conversation.</summary>
    [JsonPropertyName("turnsToLive")]
    public int? TurnsToLive { get; set; }
}
