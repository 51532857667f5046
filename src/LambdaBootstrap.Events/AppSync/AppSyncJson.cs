using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS AppSync: resolver events with any arguments, and the Lambda authorizer.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AppSyncResolverEvent<JsonElement>))]
[JsonSerializable(typeof(AppSyncAuthorizerEvent))]
[JsonSerializable(typeof(AppSyncAuthorizerResult))]
public sealed partial class AppSyncJson : JsonSerializerContext;
