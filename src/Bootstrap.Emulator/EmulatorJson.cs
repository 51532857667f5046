using System.Text.Json.Serialization;

namespace Bootstrap.Emulator;

[JsonSerializable(typeof(string))]
internal sealed partial class EmulatorJson : JsonSerializerContext;
