using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for the payload 2.0 request and response (HTTP APIs and Function URLs).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
[JsonSerializable(typeof(LambdaFunctionUrlRequest))]
[JsonSerializable(typeof(LambdaFunctionUrlResponse))]
public sealed partial class HttpApiJson : JsonSerializerContext;
