using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for AWS IoT Core: the custom authorizer and the fleet provisioning hook.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IoTCustomAuthorizerRequest))]
[JsonSerializable(typeof(IoTCustomAuthorizerResponse))]
[JsonSerializable(typeof(IoTPreProvisioningHookRequest))]
[JsonSerializable(typeof(IoTPreProvisioningHookResponse))]
public sealed partial class IoTJson : JsonSerializerContext;
