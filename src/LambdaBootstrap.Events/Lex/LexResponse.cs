using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a Lex (V1) code hook returns: the next dialog action, and the session it leaves.</summary>
public sealed class LexResponse
{
    /// <summary>The session's attributes from now on.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>What Lex does next; the one required member.</summary>
    [JsonPropertyName("dialogAction")]
    public LexDialogAction? DialogAction { get; set; }

    /// <summary>Contexts to set.</summary>
    [JsonPropertyName("activeContexts")]
    public List<LexActiveContext>? ActiveContexts { get; set; }

    /// <summary>Recent intents to set (up to three).</summary>
    [JsonPropertyName("recentIntentSummaryView")]
    public List<LexRecentIntentSummaryViewType>? RecentIntentSummaryView { get; set; }

    /// <summary>The next dialog action.</summary>
    public sealed class LexDialogAction
    {
        /// <summary><c>ElicitIntent</c>, <c>ElicitSlot</c>, <c>ConfirmIntent</c>, <c>Delegate</c> or <c>Close</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary><c>Fulfilled</c> or <c>Failed</c> (with <c>Close</c>).</summary>
        [JsonPropertyName("fulfillmentState")]
        public string? FulfillmentState { get; set; }

        /// <summary>The message to the user.</summary>
        [JsonPropertyName("message")]
        public LexMessage? Message { get; set; }

        /// <summary>The intent to confirm or elicit a slot of.</summary>
        [JsonPropertyName("intentName")]
        public string? IntentName { get; set; }

        /// <summary>The slots' values by name.</summary>
        [JsonPropertyName("slots")]
        public Dictionary<string, string?>? Slots { get; set; }

        /// <summary>The slot to elicit (with <c>ElicitSlot</c>).</summary>
        [JsonPropertyName("slotToElicit")]
        public string? SlotToElicit { get; set; }

        /// <summary>A card the client shows.</summary>
        [JsonPropertyName("responseCard")]
        public LexResponseCard? ResponseCard { get; set; }
    }

    /// <summary>A message to the user.</summary>
    public sealed class LexMessage
    {
        /// <summary><c>PlainText</c>, <c>SSML</c> or <c>CustomPayload</c>.</summary>
        [JsonPropertyName("contentType")]
        public string? ContentType { get; set; }

        /// <summary>The message.</summary>
        [JsonPropertyName("content")]
        public string? Content { get; set; }
    }

    /// <summary>A response card.</summary>
    public sealed class LexResponseCard
    {
        /// <summary>The card format's version.</summary>
        [JsonPropertyName("version")]
        public int? Version { get; set; }

        /// <summary><c>application/vnd.amazonaws.card.generic</c>.</summary>
        [JsonPropertyName("contentType")]
        public string? ContentType { get; set; }

        /// <summary>The card's attachments.</summary>
        [JsonPropertyName("genericAttachments")]
        public List<LexGenericAttachments>? GenericAttachments { get; set; }
    }

    /// <summary>One attachment of a response card.</summary>
    public sealed class LexGenericAttachments
    {
        /// <summary>The title.</summary>
        [JsonPropertyName("title")]
        public string? Title { get; set; }

        /// <summary>The subtitle.</summary>
        [JsonPropertyName("subTitle")]
        public string? SubTitle { get; set; }

        /// <summary>An image to show.</summary>
        [JsonPropertyName("imageUrl")]
        public string? ImageUrl { get; set; }

        /// <summary>A link the card opens.</summary>
        [JsonPropertyName("attachmentLinkUrl")]
        public string? AttachmentLinkUrl { get; set; }

        /// <summary>The buttons.</summary>
        [JsonPropertyName("buttons")]
        public List<LexButton>? Buttons { get; set; }
    }

    /// <summary>A button of a response card.</summary>
    public sealed class LexButton
    {
        /// <summary>The button's text.</summary>
        [JsonPropertyName("text")]
        public string? Text { get; set; }

        /// <summary>What the button sends when chosen.</summary>
        [JsonPropertyName("value")]
        public string? Value { get; set; }
    }
}
