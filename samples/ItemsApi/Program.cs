using Bootstrap.Events.Http;
using Bootstrap.Runtime;
using Bootstrap.Runtime.Handlers;
using ItemsApi;

// One client for the life of the process: its endpoint, region and credentials come from the AWS_* environment.
var routes = new ItemsRoutes(ItemStore.FromEnvironment());

return LambdaRuntime.Run(new HandlerRegistry
{
    ["items"] = () => LambdaHandler.Http(routes.HandleAsync),
});
