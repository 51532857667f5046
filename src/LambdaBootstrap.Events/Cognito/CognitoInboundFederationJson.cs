using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="CognitoInboundFederationEvent"/> (its request and response), on its own so that a function pays only for the Cognito triggers it handles.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CognitoInboundFederationEvent))]
public sealed partial class CognitoInboundFederationJson : JsonSerializerContext;
