using System.Text.Json.Serialization;

namespace LambdaBootstrap.Emulator.RuntimeApi;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(RegisterResponse))]
internal sealed partial class RuntimeApiJson : JsonSerializerContext;
