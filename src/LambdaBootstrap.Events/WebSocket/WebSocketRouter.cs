using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.WebSocket;

/// <summary>
/// Routes WebSocket API events by route key: <c>$connect</c>, <c>$disconnect</c>, <c>$default</c> and custom routes
/// (<c>sendMessage</c>). Serve it with <c>LambdaHandler.WebSocket(router)</c>.
/// </summary>
/// <remarks>
/// A route key without a handler goes to the <c>$default</c> handler; without one, <c>$connect</c> and
/// <c>$disconnect</c> are accepted (200) and any other route gets a 404 response.
/// </remarks>
public sealed class WebSocketRouter
{
    private readonly Dictionary<string, Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>>> _routes = new(StringComparer.Ordinal);

    /// <summary>Handles the route <paramref name="routeKey"/>.</summary>
    public WebSocketRouter Map(string routeKey, Func<WebSocketRequest, ILambdaContext, WebSocketResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(routeKey, (request, context) => Task.FromResult(handler(request, context)));
    }

    /// <summary>Handles the route <paramref name="routeKey"/>, asynchronously.</summary>
    public WebSocketRouter Map(string routeKey, Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        _routes[routeKey] = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>Handles <c>$connect</c>: a status outside 2xx refuses the connection.</summary>
    public WebSocketRouter OnConnect(Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>> handler) => Map("$connect", handler);

    /// <summary>Handles <c>$disconnect</c> (the connection is already gone: the response is not used).</summary>
    public WebSocketRouter OnDisconnect(Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>> handler) => Map("$disconnect", handler);

    /// <summary>Handles <c>$default</c>: messages no other route selected.</summary>
    public WebSocketRouter OnDefault(Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>> handler) => Map("$default", handler);

    /// <summary>Routes <paramref name="request"/> to its route's handler.</summary>
    public Task<WebSocketResponse> RouteAsync(WebSocketRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_routes.TryGetValue(request.RouteKey, out var handler) || _routes.TryGetValue("$default", out handler))
            return handler(request, context);
        return Task.FromResult(request.RouteKey is "$connect" or "$disconnect"
            ? WebSocketResponse.Ok()
            : WebSocketResponse.Text(404, $"no route {request.RouteKey}"));
    }
}
