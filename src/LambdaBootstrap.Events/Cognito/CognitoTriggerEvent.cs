using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What Amazon Cognito sends every user pool Lambda trigger: the pool, the user and the trigger; <typeparamref name="TRequest"/> and <typeparamref name="TResponse"/> are the trigger's own. The function returns the event with <see cref="Response"/> filled in.</summary>
public class CognitoTriggerEvent<TRequest, TResponse>
{
    /// <summary>The event's format version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>What fired the trigger, e.g. <c>PreSignUp_SignUp</c> or <c>TokenGeneration_Authentication</c>.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; set; }

    /// <summary>The user pool's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The user pool.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; set; }

    /// <summary>The user's name.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>Who called Cognito.</summary>
    [JsonPropertyName("callerContext")]
    public CognitoTriggerCallerContext? CallerContext { get; set; }

    /// <summary>The trigger's input.</summary>
    [JsonPropertyName("request")]
    public TRequest? Request { get; set; }

    /// <summary>The trigger's answer: the function sets its fields and returns the whole event.</summary>
    [JsonPropertyName("response")]
    public TResponse? Response { get; set; }
}

/// <summary>The caller of a Cognito user pool operation.</summary>
public sealed class CognitoTriggerCallerContext
{
    /// <summary>The SDK that called.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; set; }

    /// <summary>The app client.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }
}
