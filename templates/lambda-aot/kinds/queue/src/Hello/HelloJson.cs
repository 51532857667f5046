using System.Text.Json.Serialization;

namespace Hello;

/// <summary>A message's body: who to greet.</summary>
public sealed record GreetRequest(string? Name);

/// <summary>Source-generated JSON for the messages' bodies: no reflection, so it compiles ahead of time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GreetRequest))]
public sealed partial class HelloJson : JsonSerializerContext;
