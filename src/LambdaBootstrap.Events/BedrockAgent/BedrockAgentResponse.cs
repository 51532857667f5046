using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an action group's function returns to a Bedrock agent.</summary>
public sealed class BedrockAgentResponse
{
    /// <summary><c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>The result.</summary>
    [JsonPropertyName("response")]
    public BedrockAgentActionResponse? Response { get; set; }

    /// <summary>The session's attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>The prompt's session attributes.</summary>
    [JsonPropertyName("promptSessionAttributes")]
    public Dictionary<string, string>? PromptSessionAttributes { get; set; }

    /// <summary>Knowledge base settings for the session.</summary>
    [JsonPropertyName("knowledgeBasesConfiguration")]
    public List<Dictionary<string, JsonElement>>? KnowledgeBasesConfiguration { get; set; }
}

/// <summary>The result of an action.</summary>
public sealed class BedrockAgentActionResponse
{
    /// <summary>The event's action group.</summary>
    [JsonPropertyName("actionGroup")]
    public string? ActionGroup { get; set; }

    /// <summary>OpenAPI: the event's path.</summary>
    [JsonPropertyName("apiPath")]
    public string? ApiPath { get; set; }

    /// <summary>OpenAPI: the event's method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>OpenAPI: the status code.</summary>
    [JsonPropertyName("httpStatusCode")]
    public int? HttpStatusCode { get; set; }

    /// <summary>OpenAPI: the body, by media type (<c>{"application/json":{"body":"..."}}</c>).</summary>
    [JsonPropertyName("responseBody")]
    public Dictionary<string, JsonElement>? ResponseBody { get; set; }

    /// <summary>Functions: the event's function.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; set; }

    /// <summary>Functions: the result.</summary>
    [JsonPropertyName("functionResponse")]
    public BedrockAgentFunctionResponse? FunctionResponse { get; set; }
}

/// <summary>The result of a function action.</summary>
public sealed class BedrockAgentFunctionResponse
{
    /// <summary><c>FAILURE</c> or <c>REPROMPT</c>; absent on success.</summary>
    [JsonPropertyName("responseState")]
    public string? ResponseState { get; set; }

    /// <summary>The body, by content type (<c>{"TEXT":{"body":"..."}}</c>).</summary>
    [JsonPropertyName("responseBody")]
    public Dictionary<string, JsonElement>? ResponseBody { get; set; }
}
