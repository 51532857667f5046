using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for the Lambda authorizers of REST, HTTP and WebSocket APIs: requests and responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerRequest))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2Request))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2SimpleResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2IamResponse))]
public sealed partial class ApiGatewayAuthorizerJson : JsonSerializerContext;
