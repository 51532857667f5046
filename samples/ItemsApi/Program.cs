using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Metrics;
using ItemsApi;

// The metrics' namespace and service, unless POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME name others.
MetricsDefaults.Namespace ??= "ItemsApi";
MetricsDefaults.Service ??= "items";

return LambdaRuntime.Run(new HandlerRegistry
{
    // Built once during init, so a missing TABLE_NAME is the function's init error. One client for the life of the
    // process: its endpoint, region and credentials come from the AWS_* environment.
    ["items"] = () => LambdaHandler.Http(new ItemsRoutes(ItemStore.FromEnvironment()).Router()),
});
