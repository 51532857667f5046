using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>One of the last intents of a Lex (V1) session, as Lex sends it or as the function sets it.</summary>
public sealed class LexRecentIntentSummaryViewType
{
    /// <summary>The intent's name.</summary>
    [JsonPropertyName("intentName")]
    public string? IntentName { get; set; }

    /// <summary>A label that finds this intent again.</summary>
    [JsonPropertyName("checkpointLabel")]
    public string? CheckpointLabel { get; set; }

    /// <summary>The slots' values by name.</summary>
    [JsonPropertyName("slots")]
    public Dictionary<string, string?>? Slots { get; set; }

    /// <summary><c>None</c>, <c>Confirmed</c> or <c>Denied</c>.</summary>
    [JsonPropertyName("confirmationStatus")]
    public string? ConfirmationStatus { get; set; }

    /// <summary>The last dialog action: <c>ElicitIntent</c>, <c>ElicitSlot</c>, <c>ConfirmIntent</c>, <c>Delegate</c> or <c>Close</c>.</summary>
    [JsonPropertyName("dialogActionType")]
    public string? DialogActionType { get; set; }

    /// <summary><c>Fulfilled</c>, <c>Failed</c> or <c>ReadyForFulfillment</c>.</summary>
    [JsonPropertyName("fulfillmentState")]
    public string? FulfillmentState { get; set; }

    /// <summary>The slot being elicited.</summary>
    [JsonPropertyName("slotToElicit")]
    public string? SlotToElicit { get; set; }
}
