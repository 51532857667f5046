using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using Hello;

// The function's handlers, by name: Lambda's Handler setting (_HANDLER) picks one. Each factory runs once, at init.
return LambdaRuntime.Run(new HandlerRegistry
{
    // Typed: System.Text.Json source generation reads the event and writes the result (HelloJson).
    ["greet"] = () => LambdaHandler.Json(Handlers.Greet, HelloJson.Default.GreetRequest, HelloJson.Default.GreetResponse),
    // Bytes in, bytes out: no JSON at all, the smallest and fastest path.
    ["echo"] = () => LambdaHandler.Bytes(Handlers.Echo),
});
