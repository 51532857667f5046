using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What an Amazon DocumentDB change stream event source mapping sends: a batch of change events. Documents, keys
/// and cluster times are MongoDB extended JSON, kept as <see cref="JsonElement"/>s to read or bind to a type of your own.
/// </summary>
public sealed class DocumentDBEvent
{
    /// <summary><c>aws:docdb</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The cluster's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The change events, oldest first.</summary>
    [JsonPropertyName("events")]
    public List<DocumentDBEventRecord>? Events { get; set; }
}

/// <summary>One entry of a DocumentDB batch.</summary>
public sealed class DocumentDBEventRecord
{
    /// <summary>The change stream's event.</summary>
    [JsonPropertyName("event")]
    public DocumentDBChangeEvent? Event { get; set; }
}

/// <summary>A change stream event: an insert, update, replace, delete, rename, drop or invalidate.</summary>
public sealed class DocumentDBChangeEvent
{
    /// <summary>The resume token (<c>{"_data": ...}</c>).</summary>
    [JsonPropertyName("_id")]
    public JsonElement? Id { get; set; }

    /// <summary><c>insert</c>, <c>update</c>, <c>replace</c>, <c>delete</c>, <c>rename</c>, <c>drop</c>, <c>dropDatabase</c> or <c>invalidate</c>.</summary>
    [JsonPropertyName("operationType")]
    public string? OperationType { get; set; }

    /// <summary>When the change was applied, as extended JSON (<c>{"$timestamp": {"t": ..., "i": ...}}</c>).</summary>
    [JsonPropertyName("clusterTime")]
    public JsonElement? ClusterTime { get; set; }

    /// <summary>The database and collection.</summary>
    [JsonPropertyName("ns")]
    public DocumentDBNamespace? Ns { get; set; }

    /// <summary>The new namespace of a <c>rename</c>.</summary>
    [JsonPropertyName("to")]
    public DocumentDBNamespace? To { get; set; }

    /// <summary>The changed document's key (<c>{"_id": ...}</c>).</summary>
    [JsonPropertyName("documentKey")]
    public JsonElement? DocumentKey { get; set; }

    /// <summary>The document, for inserts and replaces (and updates when the stream asks for it).</summary>
    [JsonPropertyName("fullDocument")]
    public JsonElement? FullDocument { get; set; }

    /// <summary>The fields an update set and removed.</summary>
    [JsonPropertyName("updateDescription")]
    public DocumentDBUpdateDescription? UpdateDescription { get; set; }
}

/// <summary>A database and a collection.</summary>
public sealed class DocumentDBNamespace
{
    /// <summary>The database.</summary>
    [JsonPropertyName("db")]
    public string? Db { get; set; }

    /// <summary>The collection.</summary>
    [JsonPropertyName("coll")]
    public string? Coll { get; set; }
}

/// <summary>What an update changed.</summary>
public sealed class DocumentDBUpdateDescription
{
    /// <summary>The updated fields and their new values.</summary>
    [JsonPropertyName("updatedFields")]
    public JsonElement? UpdatedFields { get; set; }

    /// <summary>The removed fields.</summary>
    [JsonPropertyName("removedFields")]
    public List<string>? RemovedFields { get; set; }
}
