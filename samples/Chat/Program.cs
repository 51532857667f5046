using Chat;
using LambdaBootstrap.Events;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

// One bootstrap, three functions: the template picks the handler of each route with Handler (_HANDLER).
return LambdaRuntime.Run(new HandlerRegistry
{
    ["connect"] = () => Handler(new ChatHandlers(ConnectionStore.FromEnvironment(), ConnectionsClient.FromEnvironment()).ConnectAsync),
    ["disconnect"] = () => Handler(new ChatHandlers(ConnectionStore.FromEnvironment(), ConnectionsClient.FromEnvironment()).DisconnectAsync),
    ["sendmessage"] = () => Handler(new ChatHandlers(ConnectionStore.FromEnvironment(), ConnectionsClient.FromEnvironment()).SendMessageAsync),
});

static LambdaHandler Handler(Func<APIGatewayProxyRequest, ILambdaContext, Task<APIGatewayProxyResponse>> handler) =>
    LambdaHandler.Json(handler, ApiGatewayJson.Default.APIGatewayProxyRequest, ApiGatewayJson.Default.APIGatewayProxyResponse);
