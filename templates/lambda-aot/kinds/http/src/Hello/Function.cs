using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime.Handlers;

namespace Hello;

/// <summary>The function's handlers, by name: Program.cs runs them, and the unit tests invoke them in-process.</summary>
public static class Function
{
    public static HandlerRegistry Handlers => new()
    {
        // The API's routes, for every HTTP front door (here an API Gateway HTTP API): the router answers 404 and 405.
        ["http"] = () => LambdaHandler.Http(HelloApi.Router()),
    };
}
