namespace LambdaBootstrap.Events;

/// <summary>
/// A Lambda Function URL request: the HTTP API payload 2.0 shape, with <c>routeKey</c> and <c>stage</c> always
/// <c>$default</c> and the domain <c>&lt;url-id&gt;.lambda-url.&lt;region&gt;.on.aws</c>.
/// </summary>
public sealed class LambdaFunctionUrlRequest : APIGatewayHttpApiV2ProxyRequest;
