using Chat;
using LambdaBootstrap.Events.WebSocket;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

return LambdaRuntime.Run(new HandlerRegistry
{
    // One function behind every route of the API: the router picks the route's handler by route key. Built once
    // during init, so a missing TABLE_NAME is the function's init error.
    ["chat"] = () =>
    {
        var chat = new ChatHandlers(ConnectionStore.FromEnvironment(), ConnectionsClient.FromEnvironment());
        return LambdaHandler.WebSocket(new WebSocketRouter()
            .Map("$connect", chat.ConnectAsync)
            .Map("$disconnect", chat.DisconnectAsync)
            .Map("sendmessage", chat.SendMessageAsync));
    },
});
