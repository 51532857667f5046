using System.Text.Json.Serialization;

namespace Hello;

/// <summary>The greet handler's event.</summary>
public sealed record GreetRequest(string? Name);

/// <summary>The greet handler's answer.</summary>
public sealed record GreetResponse(string Message);

/// <summary>Source-generated JSON for the typed handler: no reflection, so it compiles ahead of time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GreetRequest))]
[JsonSerializable(typeof(GreetResponse))]
public sealed partial class HelloJson : JsonSerializerContext;
