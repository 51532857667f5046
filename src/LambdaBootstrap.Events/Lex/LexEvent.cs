using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an Amazon Lex (V1) bot sends its code hook: the intent, its slots and the session.</summary>
public sealed class LexEvent
{
    /// <summary>The intent Lex recognized.</summary>
    [JsonPropertyName("currentIntent")]
    public LexCurrentIntent? CurrentIntent { get; set; }

    /// <summary>The other intents Lex considered, with their confidence.</summary>
    [JsonPropertyName("alternativeIntents")]
    public List<LexCurrentIntent>? AlternativeIntents { get; set; }

    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")]
    public LexBot? Bot { get; set; }

    /// <summary>The user's id, as the client application gives it.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>What the user said or typed.</summary>
    [JsonPropertyName("inputTranscript")]
    public string? InputTranscript { get; set; }

    /// <summary><c>DialogCodeHook</c> or <c>FulfillmentCodeHook</c>.</summary>
    [JsonPropertyName("invocationSource")]
    public string? InvocationSource { get; set; }

    /// <summary><c>Text</c> or <c>Voice</c>.</summary>
    [JsonPropertyName("outputDialogMode")]
    public string? OutputDialogMode { get; set; }

    /// <summary>The format's version, <c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>The session's attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>The request's attributes, as the client sent them.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }

    /// <summary>The last intents of the session.</summary>
    [JsonPropertyName("recentIntentSummaryView")]
    public List<LexRecentIntentSummaryViewType>? RecentIntentSummaryView { get; set; }

    /// <summary>Amazon Comprehend's sentiment of the utterance, when the bot asks for it.</summary>
    [JsonPropertyName("sentimentResponse")]
    public LexSentimentResponse? SentimentResponse { get; set; }

    /// <summary>The Amazon Kendra query's result, for a <c>KendraSearchIntent</c>: a Kendra <c>Query</c> response.</summary>
    [JsonPropertyName("kendraResponse")]
    public JsonElement? KendraResponse { get; set; }

    /// <summary>The active contexts.</summary>
    [JsonPropertyName("activeContexts")]
    public List<LexActiveContext>? ActiveContexts { get; set; }

    /// <summary>An intent and its slots.</summary>
    public sealed class LexCurrentIntent
    {
        /// <summary>The intent's name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>How confident Lex is, from 0 to 1.</summary>
        [JsonPropertyName("nluIntentConfidenceScore")]
        public double? NluIntentConfidenceScore { get; set; }

        /// <summary>The slots' values by name; an unfilled slot is null.</summary>
        [JsonPropertyName("slots")]
        public Dictionary<string, string?>? Slots { get; set; }

        /// <summary>What the user said for each slot, and how it resolved.</summary>
        [JsonPropertyName("slotDetails")]
        public Dictionary<string, SlotDetail?>? SlotDetails { get; set; }

        /// <summary><c>None</c>, <c>Confirmed</c> or <c>Denied</c>.</summary>
        [JsonPropertyName("confirmationStatus")]
        public string? ConfirmationStatus { get; set; }
    }

    /// <summary>What the user said for a slot, and the values it resolved to.</summary>
    public sealed class SlotDetail
    {
        /// <summary>The resolved values.</summary>
        [JsonPropertyName("resolutions")]
        public List<SlotResolution>? Resolutions { get; set; }

        /// <summary>The value as the user said it.</summary>
        [JsonPropertyName("originalValue")]
        public string? OriginalValue { get; set; }
    }

    /// <summary>A resolved value of a slot.</summary>
    public sealed class SlotResolution
    {
        /// <summary>The value.</summary>
        [JsonPropertyName("value")]
        public string? Value { get; set; }
    }

    /// <summary>The bot.</summary>
    public sealed class LexBot
    {
        /// <summary>The bot's name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>The alias the request went to.</summary>
        [JsonPropertyName("alias")]
        public string? Alias { get; set; }

        /// <summary>The bot's version.</summary>
        [JsonPropertyName("version")]
        public string? Version { get; set; }
    }

    /// <summary>The sentiment of the utterance.</summary>
    public sealed class LexSentimentResponse
    {
        /// <summary><c>POSITIVE</c>, <c>NEGATIVE</c>, <c>NEUTRAL</c> or <c>MIXED</c>.</summary>
        [JsonPropertyName("sentimentLabel")]
        public string? SentimentLabel { get; set; }

        /// <summary>The scores by sentiment, as Comprehend writes them (<c>{Positive: 0.2,...}</c>).</summary>
        [JsonPropertyName("sentimentScore")]
        public string? SentimentScore { get; set; }
    }
}
