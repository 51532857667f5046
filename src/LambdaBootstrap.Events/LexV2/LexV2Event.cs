using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Amazon Lex V2 sends a code hook (dialog or fulfillment).</summary>
public sealed class LexV2Event
{
    /// <summary><c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary><c>DialogCodeHook</c> or <c>FulfillmentCodeHook</c>.</summary>
    [JsonPropertyName("invocationSource")]
    public string? InvocationSource { get; set; }

    /// <summary><c>DTMF</c>, <c>Speech</c> or <c>Text</c>.</summary>
    [JsonPropertyName("inputMode")]
    public string? InputMode { get; set; }

    /// <summary>The response's content type, e.g. <c>text/plain; charset=utf-8</c>.</summary>
    [JsonPropertyName("responseContentType")]
    public string? ResponseContentType { get; set; }

    /// <summary>The session.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>What the user said or typed.</summary>
    [JsonPropertyName("inputTranscript")]
    public string? InputTranscript { get; set; }

    /// <summary>The code hook's label.</summary>
    [JsonPropertyName("invocationLabel")]
    public string? InvocationLabel { get; set; }

    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")]
    public LexV2Bot? Bot { get; set; }

    /// <summary>The intents the input may mean, best first.</summary>
    [JsonPropertyName("interpretations")]
    public List<LexV2Interpretation>? Interpretations { get; set; }

    /// <summary>What Lex would do next.</summary>
    [JsonPropertyName("proposedNextState")]
    public LexV2ProposedNextState? ProposedNextState { get; set; }

    /// <summary>The request's attributes.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }

    /// <summary>The session's state.</summary>
    [JsonPropertyName("sessionState")]
    public LexV2SessionState? SessionState { get; set; }

    /// <summary>Speech: the transcriptions.</summary>
    [JsonPropertyName("transcriptions")]
    public List<LexV2Transcription>? Transcriptions { get; set; }
}

/// <summary>A Lex V2 bot.</summary>
public sealed class LexV2Bot
{
    /// <summary>The bot.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The bot's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The alias.</summary>
    [JsonPropertyName("aliasId")]
    public string? AliasId { get; set; }

    /// <summary>The alias's name.</summary>
    [JsonPropertyName("aliasName")]
    public string? AliasName { get; set; }

    /// <summary>The locale, e.g. <c>en_US</c>.</summary>
    [JsonPropertyName("localeId")]
    public string? LocaleId { get; set; }

    /// <summary>The bot version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

/// <summary>One reading of the user's input.</summary>
public sealed class LexV2Interpretation
{
    /// <summary>The intent.</summary>
    [JsonPropertyName("intent")]
    public LexV2Intent? Intent { get; set; }

    /// <summary>How sure Lex is, 0 to 1.</summary>
    [JsonPropertyName("nluConfidence")]
    public double? NluConfidence { get; set; }

    /// <summary>The input's sentiment, when enabled.</summary>
    [JsonPropertyName("sentimentResponse")]
    public LexV2SentimentResponse? SentimentResponse { get; set; }

    /// <summary><c>Lex</c> or <c>Bedrock</c>.</summary>
    [JsonPropertyName("interpretationSource")]
    public string? InterpretationSource { get; set; }
}

/// <summary>The sentiment of an input.</summary>
public sealed class LexV2SentimentResponse
{
    /// <summary><c>POSITIVE</c>, <c>NEGATIVE</c>, <c>NEUTRAL</c> or <c>MIXED</c>.</summary>
    [JsonPropertyName("sentiment")]
    public string? Sentiment { get; set; }

    /// <summary>The scores.</summary>
    [JsonPropertyName("sentimentScore")]
    public LexV2SentimentScore? SentimentScore { get; set; }
}

/// <summary>Sentiment scores.</summary>
public sealed class LexV2SentimentScore
{
    /// <summary>Mixed.</summary>
    [JsonPropertyName("mixed")]
    public double? Mixed { get; set; }

    /// <summary>Negative.</summary>
    [JsonPropertyName("negative")]
    public double? Negative { get; set; }

    /// <summary>Neutral.</summary>
    [JsonPropertyName("neutral")]
    public double? Neutral { get; set; }

    /// <summary>Positive.</summary>
    [JsonPropertyName("positive")]
    public double? Positive { get; set; }
}

/// <summary>An intent and its slots.</summary>
public sealed class LexV2Intent
{
    /// <summary>The intent.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The slots, by name (a slot without a value is null).</summary>
    [JsonPropertyName("slots")]
    public Dictionary<string, LexV2Slot>? Slots { get; set; }

    /// <summary><c>Failed</c>, <c>Fulfilled</c>, <c>InProgress</c>, <c>ReadyForFulfillment</c>, <c>Waiting</c>...</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary><c>Confirmed</c>, <c>Denied</c> or <c>None</c>.</summary>
    [JsonPropertyName("confirmationState")]
    public string? ConfirmationState { get; set; }
}

/// <summary>A slot's value (or values, for a list slot).</summary>
public sealed class LexV2Slot
{
    /// <summary><c>Scalar</c> or <c>List</c>.</summary>
    [JsonPropertyName("shape")]
    public string? Shape { get; set; }

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public LexV2SlotValue? Value { get; set; }

    /// <summary>List slots: the values.</summary>
    [JsonPropertyName("values")]
    public List<LexV2Slot>? Values { get; set; }
}

/// <summary>A slot value as heard and as resolved.</summary>
public sealed class LexV2SlotValue
{
    /// <summary>What the user said.</summary>
    [JsonPropertyName("originalValue")]
    public string? OriginalValue { get; set; }

    /// <summary>The value Lex resolved.</summary>
    [JsonPropertyName("interpretedValue")]
    public string? InterpretedValue { get; set; }

    /// <summary>The values it could be.</summary>
    [JsonPropertyName("resolvedValues")]
    public List<string>? ResolvedValues { get; set; }
}

/// <summary>What Lex proposes to do next.</summary>
public sealed class LexV2ProposedNextState
{
    /// <summary>The action.</summary>
    [JsonPropertyName("dialogAction")]
    public LexV2DialogAction? DialogAction { get; set; }

    /// <summary>The intent.</summary>
    [JsonPropertyName("intent")]
    public LexV2Intent? Intent { get; set; }

    /// <summary>The prompt.</summary>
    [JsonPropertyName("prompt")]
    public LexV2Prompt? Prompt { get; set; }
}

/// <summary>A prompt.</summary>
public sealed class LexV2Prompt
{
    /// <summary>Which attempt, e.g. <c>Initial</c> or <c>Retry1</c>.</summary>
    [JsonPropertyName("attempt")]
    public string? Attempt { get; set; }
}

/// <summary>The state of a Lex V2 session: the response's <c>sessionState</c> sets it.</summary>
public sealed class LexV2SessionState
{
    /// <summary>The active contexts.</summary>
    [JsonPropertyName("activeContexts")]
    public List<LexV2ActiveContext>? ActiveContexts { get; set; }

    /// <summary>The session's attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>Hints for slot recognition.</summary>
    [JsonPropertyName("runtimeHints")]
    public Dictionary<string, JsonElement>? RuntimeHints { get; set; }

    /// <summary>What Lex does next.</summary>
    [JsonPropertyName("dialogAction")]
    public LexV2DialogAction? DialogAction { get; set; }

    /// <summary>The current intent.</summary>
    [JsonPropertyName("intent")]
    public LexV2Intent? Intent { get; set; }

    /// <summary>The request that began the turn.</summary>
    [JsonPropertyName("originatingRequestId")]
    public string? OriginatingRequestId { get; set; }
}

/// <summary>An active context.</summary>
public sealed class LexV2ActiveContext
{
    /// <summary>The context.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Its attributes.</summary>
    [JsonPropertyName("contextAttributes")]
    public Dictionary<string, string>? ContextAttributes { get; set; }

    /// <summary>How long it stays active.</summary>
    [JsonPropertyName("timeToLive")]
    public LexV2ActiveContextTimeToLive? TimeToLive { get; set; }
}

/// <summary>How long a context stays active.</summary>
public sealed class LexV2ActiveContextTimeToLive
{
    /// <summary>Seconds.</summary>
    [JsonPropertyName("timeToLiveInSeconds")]
    public int? TimeToLiveInSeconds { get; set; }

    /// <summary>Turns.</summary>
    [JsonPropertyName("turnsToLive")]
    public int? TurnsToLive { get; set; }
}

/// <summary>What Lex does next: <c>Close</c>, <c>ConfirmIntent</c>, <c>Delegate</c>, <c>ElicitIntent</c> or <c>ElicitSlot</c>.</summary>
public sealed class LexV2DialogAction
{
    /// <summary>The action.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary><c>ElicitSlot</c>: the slot to ask for.</summary>
    [JsonPropertyName("slotToElicit")]
    public string? SlotToElicit { get; set; }

    /// <summary><c>Default</c>, <c>SpellByLetter</c> or <c>SpellByWord</c>.</summary>
    [JsonPropertyName("slotElicitationStyle")]
    public string? SlotElicitationStyle { get; set; }

    /// <summary>Composite slots: the sub-slot to ask for.</summary>
    [JsonPropertyName("subSlotToElicit")]
    public Dictionary<string, JsonElement>? SubSlotToElicit { get; set; }

    /// <summary>Ends the conversation.</summary>
    public static LexV2DialogAction Close() => new() { Type = "Close" };

    /// <summary>Asks the user to confirm the intent.</summary>
    public static LexV2DialogAction ConfirmIntent() => new() { Type = "ConfirmIntent" };

    /// <summary>Lets Lex choose the next step.</summary>
    public static LexV2DialogAction Delegate() => new() { Type = "Delegate" };

    /// <summary>Asks the user what they want.</summary>
    public static LexV2DialogAction ElicitIntent() => new() { Type = "ElicitIntent" };

    /// <summary>Asks the user for <paramref name="slot"/>.</summary>
    public static LexV2DialogAction ElicitSlot(string slot) => new() { Type = "ElicitSlot", SlotToElicit = slot };
}

/// <summary>A speech transcription.</summary>
public sealed class LexV2Transcription
{
    /// <summary>The text.</summary>
    [JsonPropertyName("transcription")]
    public string? Transcription { get; set; }

    /// <summary>How sure Lex is.</summary>
    [JsonPropertyName("transcriptionConfidence")]
    public double? TranscriptionConfidence { get; set; }

    /// <summary>The resolved context.</summary>
    [JsonPropertyName("resolvedContext")]
    public Dictionary<string, JsonElement>? ResolvedContext { get; set; }

    /// <summary>The slots it resolved.</summary>
    [JsonPropertyName("resolvedSlots")]
    public Dictionary<string, LexV2Slot>? ResolvedSlots { get; set; }
}
