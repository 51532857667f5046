using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The migrate user trigger: bring a user over from another directory at sign-in or password reset.</summary>
public sealed class CognitoMigrateUserEvent : CognitoTriggerEvent<CognitoMigrateUserRequest, CognitoMigrateUserResponse>;

/// <summary>The request of <see cref="CognitoMigrateUserEvent"/>.</summary>
public sealed class CognitoMigrateUserRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The password the user signed in with (<c>UserMigration_Authentication</c>).</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Values the app passed in <c>ValidationData</c>.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Values the app passed in <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The response of <see cref="CognitoMigrateUserEvent"/>.</summary>
public sealed class CognitoMigrateUserResponse
{
    /// <summary>The migrated user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary><c>CONFIRMED</c> or <c>RESET_REQUIRED</c>.</summary>
    [JsonPropertyName("finalUserStatus")]
    public string? FinalUserStatus { get; set; }

    /// <summary><c>SUPPRESS</c> to send no welcome message.</summary>
    [JsonPropertyName("messageAction")]
    public string? MessageAction { get; set; }

    /// <summary><c>EMAIL</c> and/or <c>SMS</c>.</summary>
    [JsonPropertyName("desiredDeliveryMediums")]
    public List<string>? DesiredDeliveryMediums { get; set; }

    /// <summary>Whether to move an alias that another user has.</summary>
    [JsonPropertyName("forceAliasCreation")]
    public bool? ForceAliasCreation { get; set; }

    /// <summary>Whether to turn on SMS MFA for the user.</summary>
    [JsonPropertyName("enableSMSMFA")]
    public bool? EnableSmsMfa { get; set; }
}
