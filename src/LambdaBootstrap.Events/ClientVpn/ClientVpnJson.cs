using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS Client VPN client connect handlers.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientVpnConnectionRequest))]
[JsonSerializable(typeof(ClientVpnConnectionResponse))]
public sealed partial class ClientVpnJson : JsonSerializerContext;
