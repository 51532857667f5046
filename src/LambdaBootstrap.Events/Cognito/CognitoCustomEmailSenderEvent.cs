using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The custom email sender trigger: send Cognito's email yourself; the code is encrypted with the pool's KMS key.</summary>
public sealed class CognitoCustomEmailSenderEvent : CognitoTriggerEvent<CognitoCustomSenderRequest, CognitoCustomSenderResponse>;
