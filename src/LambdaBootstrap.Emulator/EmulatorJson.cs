using System.Text.Json.Serialization;

namespace LambdaBootstrap.Emulator;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(RuntimeApi.RegisterResponse))]
internal sealed partial class EmulatorJson : JsonSerializerContext;
