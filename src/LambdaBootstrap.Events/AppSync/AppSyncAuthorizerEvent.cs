using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS AppSync sends a Lambda authorizer.</summary>
public sealed class AppSyncAuthorizerEvent
{
    /// <summary>The <c>Authorization</c> header's value.</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>The GraphQL request.</summary>
    [JsonPropertyName("requestContext")]
    public AppSyncAuthorizerRequestContext? RequestContext { get; set; }

    /// <summary>The request's headers.</summary>
    [JsonPropertyName("requestHeaders")]
    public Dictionary<string, string>? RequestHeaders { get; set; }
}

/// <summary>The request an AppSync authorizer decides on.</summary>
public sealed class AppSyncAuthorizerRequestContext
{
    /// <summary>The API.</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>The GraphQL operation.</summary>
    [JsonPropertyName("queryString")]
    public string? QueryString { get; set; }

    /// <summary>The operation's name.</summary>
    [JsonPropertyName("operationName")]
    public string? OperationName { get; set; }

    /// <summary>The operation's variables.</summary>
    [JsonPropertyName("variables")]
    public Dictionary<string, JsonElement>? Variables { get; set; }
}
