using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an Amazon Bedrock agent sends an action group's function: an API operation (<see cref="ApiPath"/>) or a function (<see cref="Function"/>) with its parameters.</summary>
public sealed class BedrockAgentEvent
{
    /// <summary><c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>The agent.</summary>
    [JsonPropertyName("agent")]
    public BedrockAgentInfo? Agent { get; set; }

    /// <summary>The user's input.</summary>
    [JsonPropertyName("inputText")]
    public string? InputText { get; set; }

    /// <summary>The session.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>The action group.</summary>
    [JsonPropertyName("actionGroup")]
    public string? ActionGroup { get; set; }

    /// <summary>OpenAPI action groups: the operation's path.</summary>
    [JsonPropertyName("apiPath")]
    public string? ApiPath { get; set; }

    /// <summary>OpenAPI action groups: the operation's method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>Function action groups: the function.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; set; }

    /// <summary>The parameters.</summary>
    [JsonPropertyName("parameters")]
    public List<BedrockAgentParameter>? Parameters { get; set; }

    /// <summary>OpenAPI action groups: the request body.</summary>
    [JsonPropertyName("requestBody")]
    public BedrockAgentRequestBody? RequestBody { get; set; }

    /// <summary>The session's attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>The prompt's session attributes.</summary>
    [JsonPropertyName("promptSessionAttributes")]
    public Dictionary<string, string>? PromptSessionAttributes { get; set; }
}

/// <summary>A Bedrock agent.</summary>
public sealed class BedrockAgentInfo
{
    /// <summary>The agent's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The agent.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The alias.</summary>
    [JsonPropertyName("alias")]
    public string? Alias { get; set; }

    /// <summary>The version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

/// <summary>A parameter the agent passes.</summary>
public sealed class BedrockAgentParameter
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The type, e.g. <c>string</c> or <c>number</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The value, as text.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>The request body of an OpenAPI action.</summary>
public sealed class BedrockAgentRequestBody
{
    /// <summary>The body, by media type.</summary>
    [JsonPropertyName("content")]
    public Dictionary<string, BedrockAgentRequestBodyContent>? Content { get; set; }
}

/// <summary>The request body of one media type.</summary>
public sealed class BedrockAgentRequestBodyContent
{
    /// <summary>The body's properties.</summary>
    [JsonPropertyName("properties")]
    public List<BedrockAgentParameter>? Properties { get; set; }
}
