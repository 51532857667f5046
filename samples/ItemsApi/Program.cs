using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using ItemsApi;

return LambdaRuntime.Run(new HandlerRegistry
{
    // Built once during init, so a missing TABLE_NAME is the function's init error. One client for the life of the
    // process: its endpoint, region and credentials come from the AWS_* environment.
    ["items"] = () => LambdaHandler.Http(new ItemsRoutes(ItemStore.FromEnvironment()).Router()),
});
