using System.Text.Json.Serialization;
using LambdaBootstrap.Emulator.Extensions;

namespace LambdaBootstrap.Emulator.RuntimeApi;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(RegisterResponse))]
internal sealed partial class RuntimeApiJson : JsonSerializerContext;
