using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS AppSync Events direct Lambda integrations: the event and the response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AppSyncEventsEvent))]
[JsonSerializable(typeof(AppSyncEventsResponse))]
public sealed partial class AppSyncEventsJson : JsonSerializerContext;
