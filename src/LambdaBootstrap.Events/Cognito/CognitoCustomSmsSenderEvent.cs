using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The custom SMS sender trigger: send Cognito's SMS yourself; the code is encrypted with the pool's KMS key.</summary>
public sealed class CognitoCustomSmsSenderEvent : CognitoTriggerEvent<CognitoCustomSenderRequest, CognitoCustomSenderResponse>;
