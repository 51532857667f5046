using System.Text.Json.Serialization;

namespace Bootstrap.Host;

// Source-generated JSON metadata for the typed sample handlers: no reflection at run time. One context per handler: a
// context's static constructor encodes the property names of every type in it, so each handler's cold start pays only
// for its own types. greet needs none: its types are [LambdaJson].

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ContextDescription))]
internal sealed partial class ContextJson : JsonSerializerContext;

// stream, sleep and counter.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(StreamRequest))]
[JsonSerializable(typeof(SleepRequest))]
[JsonSerializable(typeof(SleepResponse))]
[JsonSerializable(typeof(CounterResponse))]
internal sealed partial class SampleJson : JsonSerializerContext;

// http.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(CookiesResponse))]
internal sealed partial class HttpSampleJson : JsonSerializerContext;
