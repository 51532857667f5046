namespace LambdaBootstrap.Events;

/// <summary>
/// The response to a Function URL request in buffered mode (<c>InvokeMode: BUFFERED</c>): the payload 2.0 response
/// shape, for a handler typed on <see cref="LambdaFunctionUrlRequest"/>. In <c>RESPONSE_STREAM</c> mode, use the HTTP
/// model's <see cref="Http.HttpStreamingResponse"/> instead, or, in a raw streaming handler, the runtime's
/// <c>HttpResponsePrelude</c> and then the body.
/// </summary>
public sealed class LambdaFunctionUrlResponse : APIGatewayHttpApiV2ProxyResponse;
