using System.Text.Json.Serialization;

namespace Hello;

/// <summary>The API's answer: <c>{"message":"..."}</c>.</summary>
public sealed record Reply(string Message);

/// <summary>Source-generated JSON for the API's responses: no reflection, so it compiles ahead of time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Reply))]
public sealed partial class HelloJson : JsonSerializerContext;
