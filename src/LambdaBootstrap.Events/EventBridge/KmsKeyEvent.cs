using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An AWS KMS key event, source <c>aws.kms</c>: <c>KMS CMK Rotation</c> (key material rotated),
/// <c>KMS Imported Key Material Expiration</c> or <c>KMS CMK Deletion</c>; <c>DetailType</c> tells which.
/// </summary>
public sealed class KmsKeyEvent : EventBridgeEvent<KmsKeyEventDetail>;

/// <summary>The detail of a KMS key event: the key it is about.</summary>
public sealed class KmsKeyEventDetail
{
    /// <summary>The key's id.</summary>
    [JsonPropertyName("key-id")]
    public string? KeyId { get; set; }
}
