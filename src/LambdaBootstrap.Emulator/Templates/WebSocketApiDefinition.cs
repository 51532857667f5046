namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// A WebSocket API of a template: an <c>AWS::ApiGatewayV2::Api</c> with <c>ProtocolType: WEBSOCKET</c>, its stage,
/// its route selection expression, and its routes (<c>AWS::ApiGatewayV2::Route</c>) with the function each one's
/// Lambda proxy integration invokes.
/// </summary>
/// <param name="RouteSelectionExpression">Such as <c>$request.body.action</c>.</param>
/// <param name="Routes">The function of each route key (<c>$connect</c>, <c>$disconnect</c>, <c>$default</c>, custom ones).</param>
internal sealed record WebSocketApiDefinition(string LogicalId, string StageName, string RouteSelectionExpression, IReadOnlyDictionary<string, string> Routes)
{
    public const string Connect = "$connect";
    public const string Disconnect = "$disconnect";
    public const string Default = "$default";
}
