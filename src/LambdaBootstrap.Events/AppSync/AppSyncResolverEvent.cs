using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS AppSync sends a direct Lambda resolver. <typeparamref name="TArguments"/> is the field's arguments' type: <see cref="System.Text.Json.JsonElement"/> for any, or a type of your own in your own <c>JsonSerializerContext</c>.</summary>
public class AppSyncResolverEvent<TArguments>
{
    /// <summary>The field's arguments.</summary>
    [JsonPropertyName("arguments")]
    public TArguments? Arguments { get; set; }

    /// <summary>The caller: IAM, Cognito user pool, OIDC or Lambda authorizer fields, by the API's auth mode.</summary>
    [JsonPropertyName("identity")]
    public Dictionary<string, JsonElement>? Identity { get; set; }

    /// <summary>The parent field's resolved value.</summary>
    [JsonPropertyName("source")]
    public Dictionary<string, JsonElement>? Source { get; set; }

    /// <summary>The HTTP request.</summary>
    [JsonPropertyName("request")]
    public AppSyncRequest? Request { get; set; }

    /// <summary>Pipeline resolvers: the previous function's result.</summary>
    [JsonPropertyName("prev")]
    public AppSyncPrevious? Prev { get; set; }

    /// <summary>The GraphQL request.</summary>
    [JsonPropertyName("info")]
    public AppSyncInfo? Info { get; set; }

    /// <summary>The resolver's stash.</summary>
    [JsonPropertyName("stash")]
    public Dictionary<string, JsonElement>? Stash { get; set; }
}

/// <summary>The HTTP request behind an AppSync resolver call.</summary>
public sealed class AppSyncRequest
{
    /// <summary>The headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The custom domain, when the API has one.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }
}

/// <summary>The previous step of a pipeline resolver.</summary>
public sealed class AppSyncPrevious
{
    /// <summary>Its result.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; set; }
}

/// <summary>The GraphQL request a resolver is resolving.</summary>
public sealed class AppSyncInfo
{
    /// <summary>The selected fields.</summary>
    [JsonPropertyName("selectionSetList")]
    public List<string>? SelectionSetList { get; set; }

    /// <summary>The selection set, in GraphQL.</summary>
    [JsonPropertyName("selectionSetGraphQL")]
    public string? SelectionSetGraphQL { get; set; }

    /// <summary>The parent type, e.g. <c>Query</c>.</summary>
    [JsonPropertyName("parentTypeName")]
    public string? ParentTypeName { get; set; }

    /// <summary>The field being resolved.</summary>
    [JsonPropertyName("fieldName")]
    public string? FieldName { get; set; }

    /// <summary>The operation's variables.</summary>
    [JsonPropertyName("variables")]
    public Dictionary<string, JsonElement>? Variables { get; set; }
}
