using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using Hello;

// The function's handlers, by name: Lambda's Handler setting (_HANDLER) picks one. Each factory runs once, at init.
return LambdaRuntime.Run(new HandlerRegistry
{
    // An HTTP handler: the request in, a response out, for every HTTP front door (here an API Gateway HTTP API).
    ["http"] = () => LambdaHandler.Http(HelloApi.Handle),
});
