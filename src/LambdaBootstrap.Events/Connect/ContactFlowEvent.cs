using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an Amazon Connect flow sends a function; the function returns flat string keys and values (<see cref="ContactFlowResponse"/>).</summary>
public sealed class ContactFlowEvent
{
    /// <summary>The contact and the flow's parameters.</summary>
    [JsonPropertyName("Details")]
    public ContactFlowDetails? Details { get; set; }

    /// <summary><c>ContactFlowEvent</c>.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }
}

/// <summary>The contact and the parameters of a Connect flow invocation.</summary>
public sealed class ContactFlowDetails
{
    /// <summary>The contact.</summary>
    [JsonPropertyName("ContactData")]
    public ContactFlowContactData? ContactData { get; set; }

    /// <summary>The parameters the flow block passes.</summary>
    [JsonPropertyName("Parameters")]
    public Dictionary<string, string>? Parameters { get; set; }
}

/// <summary>An Amazon Connect contact.</summary>
public sealed class ContactFlowContactData
{
    /// <summary>The contact's attributes.</summary>
    [JsonPropertyName("Attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary><c>VOICE</c>, <c>CHAT</c> or <c>TASK</c>.</summary>
    [JsonPropertyName("Channel")]
    public string? Channel { get; set; }

    /// <summary>The contact.</summary>
    [JsonPropertyName("ContactId")]
    public string? ContactId { get; set; }

    /// <summary>The customer's address.</summary>
    [JsonPropertyName("CustomerEndpoint")]
    public ContactFlowEndpoint? CustomerEndpoint { get; set; }

    /// <summary>The number the customer called.</summary>
    [JsonPropertyName("SystemEndpoint")]
    public ContactFlowEndpoint? SystemEndpoint { get; set; }

    /// <summary>The first contact of a transfer chain.</summary>
    [JsonPropertyName("InitialContactId")]
    public string? InitialContactId { get; set; }

    /// <summary><c>INBOUND</c>, <c>OUTBOUND</c>, <c>TRANSFER</c>...</summary>
    [JsonPropertyName("InitiationMethod")]
    public string? InitiationMethod { get; set; }

    /// <summary>The Connect instance.</summary>
    [JsonPropertyName("InstanceARN")]
    public string? InstanceArn { get; set; }

    /// <summary>The contact before a transfer.</summary>
    [JsonPropertyName("PreviousContactId")]
    public string? PreviousContactId { get; set; }

    /// <summary>The queue, when there is one.</summary>
    [JsonPropertyName("Queue")]
    public ContactFlowQueue? Queue { get; set; }

    /// <summary>The contact's language.</summary>
    [JsonPropertyName("LanguageCode")]
    public string? LanguageCode { get; set; }

    /// <summary>Live media streaming: where the customer's audio is.</summary>
    [JsonPropertyName("MediaStreams")]
    public Dictionary<string, JsonElement>? MediaStreams { get; set; }

    /// <summary>The contact's segment attributes.</summary>
    [JsonPropertyName("SegmentAttributes")]
    public Dictionary<string, JsonElement>? SegmentAttributes { get; set; }
}

/// <summary>A Connect endpoint.</summary>
public sealed class ContactFlowEndpoint
{
    /// <summary>The address, e.g. a phone number.</summary>
    [JsonPropertyName("Address")]
    public string? Address { get; set; }

    /// <summary><c>TELEPHONE_NUMBER</c>...</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }
}

/// <summary>A Connect queue.</summary>
public sealed class ContactFlowQueue
{
    /// <summary>The queue's ARN.</summary>
    [JsonPropertyName("ARN")]
    public string? Arn { get; set; }

    /// <summary>The queue's name.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }

    /// <summary>The queue's outbound caller id.</summary>
    [JsonPropertyName("OutboundCallerId")]
    public Dictionary<string, JsonElement>? OutboundCallerId { get; set; }
}
