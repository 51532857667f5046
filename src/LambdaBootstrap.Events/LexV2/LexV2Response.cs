using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a Lex V2 code hook returns: the session's new state and the messages to say.</summary>
public sealed class LexV2Response
{
    /// <summary>The new state, with its <see cref="LexV2SessionState.DialogAction"/>.</summary>
    [JsonPropertyName("sessionState")]
    public LexV2SessionState? SessionState { get; set; }

    /// <summary>The messages.</summary>
    [JsonPropertyName("messages")]
    public List<LexV2Message>? Messages { get; set; }

    /// <summary>Request attributes.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }
}

/// <summary>A message to the user.</summary>
public sealed class LexV2Message
{
    /// <summary><c>PlainText</c>, <c>SSML</c>, <c>CustomPayload</c> or <c>ImageResponseCard</c>.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    /// <summary>The text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary>The card.</summary>
    [JsonPropertyName("imageResponseCard")]
    public LexV2ImageResponseCard? ImageResponseCard { get; set; }
}

/// <summary>A card with buttons.</summary>
public sealed class LexV2ImageResponseCard
{
    /// <summary>The title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The subtitle.</summary>
    [JsonPropertyName("subtitle")]
    public string? Subtitle { get; set; }

    /// <summary>The image.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; set; }

    /// <summary>The buttons.</summary>
    [JsonPropertyName("buttons")]
    public List<LexV2Button>? Buttons { get; set; }
}

/// <summary>A card's button.</summary>
public sealed class LexV2Button
{
    /// <summary>What it says.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>What it sends.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
