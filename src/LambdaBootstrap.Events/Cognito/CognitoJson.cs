using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for the Cognito user pool triggers (each event carries its request and response).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CognitoPreSignupEvent))]
[JsonSerializable(typeof(CognitoPostConfirmationEvent))]
[JsonSerializable(typeof(CognitoPreAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPostAuthenticationEvent))]
[JsonSerializable(typeof(CognitoCustomMessageEvent))]
[JsonSerializable(typeof(CognitoDefineAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoCreateAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoVerifyAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoMigrateUserEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationEvent))]
public sealed partial class CognitoJson : JsonSerializerContext;
