using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The request of the custom email and SMS sender triggers.</summary>
public sealed class CognitoCustomSenderRequest
{
    /// <summary><c>customEmailSenderRequestV1</c> or <c>customSMSSenderRequestV1</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The code, encrypted with the KMS key (base64): decrypt it with the AWS Encryption SDK.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of the custom sender triggers: Cognito reads nothing from it.</summary>
public sealed class CognitoCustomSenderResponse;
