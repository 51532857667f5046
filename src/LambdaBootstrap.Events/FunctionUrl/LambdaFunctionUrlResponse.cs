namespace LambdaBootstrap.Events;

/// <summary>
/// The response to a Function URL request in buffered mode: the payload 2.0 response shape. In <c>RESPONSE_STREAM</c>
/// mode a function writes the runtime's <c>FunctionUrlResponse</c> prelude and then the body instead.
/// </summary>
public sealed class LambdaFunctionUrlResponse : APIGatewayHttpApiV2ProxyResponse;
