using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events.WebSocket;

/// <summary>
/// <c>LambdaHandler.WebSocket(...)</c>: a WebSocket API's integration. The event is read with the HTTP model's parser
/// (no serializer metadata); an event without a connection id is a <c>Runtime.SerializationError</c>.
/// </summary>
public static class WebSocketHandlers
{
    extension(LambdaHandler)
    {
        /// <summary>A WebSocket API handler that serves the routes of <paramref name="router"/>.</summary>
        public static LambdaHandler WebSocket(WebSocketRouter router)
        {
            ArgumentNullException.ThrowIfNull(router);
            return LambdaHandler.WebSocket(router.RouteAsync);
        }

        /// <summary>A WebSocket API handler for every route.</summary>
        public static LambdaHandler WebSocket(Func<WebSocketRequest, ILambdaContext, Task<WebSocketResponse>> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            return LambdaHandler.Bytes(async (e, context) =>
                (ReadOnlyMemory<byte>)WebSocketResponse.Write(await handler(WebSocketRequestReader.Read(e), context).ConfigureAwait(false)));
        }
    }
}
