using System.Text.Json.Serialization;

namespace Bootstrap.Host;

/// <summary>Source-generated JSON metadata for the typed sample handlers: no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GreetRequest))]
[JsonSerializable(typeof(GreetResponse))]
[JsonSerializable(typeof(ContextDescription))]
[JsonSerializable(typeof(StreamRequest))]
[JsonSerializable(typeof(SleepRequest))]
[JsonSerializable(typeof(SleepResponse))]
[JsonSerializable(typeof(CounterResponse))]
internal sealed partial class HostJson : JsonSerializerContext;
