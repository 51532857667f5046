using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for <see cref="CognitoPreTokenGenerationV2Event"/> (its request and response), on its own so that a function pays only for the Cognito triggers it handles.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CognitoPreTokenGenerationV2Event))]
public sealed partial class CognitoPreTokenGenerationV2Json : JsonSerializerContext;
