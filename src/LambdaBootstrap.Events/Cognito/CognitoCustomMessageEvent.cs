using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The custom message trigger: the text of verification, invitation and MFA messages.</summary>
public sealed class CognitoCustomMessageEvent : CognitoTriggerEvent<CognitoCustomMessageRequest, CognitoCustomMessageResponse>;

/// <summary>The request of <see cref="CognitoCustomMessageEvent"/>.</summary>
public sealed class CognitoCustomMessageRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The placeholder for the code, to put in the message.</summary>
    [JsonPropertyName("codeParameter")]
    public string? CodeParameter { get; set; }

    /// <summary>The placeholder for the user name (invitations).</summary>
    [JsonPropertyName("usernameParameter")]
    public string? UsernameParameter { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoCustomMessageEvent"/>.</summary>
public sealed class CognitoCustomMessageResponse
{
    /// <summary>The SMS text, with the code placeholder.</summary>
    [JsonPropertyName("smsMessage")]
    public string? SmsMessage { get; set; }

    /// <summary>The email body, with the code placeholder.</summary>
    [JsonPropertyName("emailMessage")]
    public string? EmailMessage { get; set; }

    /// <summary>The email subject.</summary>
    [JsonPropertyName("emailSubject")]
    public string? EmailSubject { get; set; }
}
