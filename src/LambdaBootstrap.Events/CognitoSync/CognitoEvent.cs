using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// What an Amazon Cognito Sync trigger sends when a dataset is synchronized. The function returns the same event,
/// its <see cref="DatasetRecords"/> changed as it wants them stored.
/// </summary>
public sealed class CognitoEvent
{
    /// <summary>The format's version, <c>2</c>.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    /// <summary><c>SyncTrigger</c>.</summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    /// <summary>The identity pool's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The identity pool's id.</summary>
    [JsonPropertyName("identityPoolId")]
    public string? IdentityPoolId { get; set; }

    /// <summary>The identity whose dataset is synchronized.</summary>
    [JsonPropertyName("identityId")]
    public string? IdentityId { get; set; }

    /// <summary>The dataset's name.</summary>
    [JsonPropertyName("datasetName")]
    public string? DatasetName { get; set; }

    /// <summary>The records being synchronized, by key.</summary>
    [JsonPropertyName("datasetRecords")]
    public Dictionary<string, DatasetRecord>? DatasetRecords { get; set; }

    /// <summary>A record of the dataset.</summary>
    public sealed class DatasetRecord
    {
        /// <summary>The stored value.</summary>
        [JsonPropertyName("oldValue")]
        public string? OldValue { get; set; }

        /// <summary>The value being written.</summary>
        [JsonPropertyName("newValue")]
        public string? NewValue { get; set; }

        /// <summary><c>replace</c> or <c>remove</c>.</summary>
        [JsonPropertyName("op")]
        public string? Op { get; set; }
    }
}
