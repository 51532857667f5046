using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using Hello;

// The function's handlers, by name: Lambda's Handler setting (_HANDLER) picks one. Each factory runs once, at init.
return LambdaRuntime.Run(new HandlerRegistry
{
    // A streamed HTTP response behind a Function URL in RESPONSE_STREAM mode: the client reads each line as it is flushed.
    ["stream"] = () => LambdaHandler.HttpStreaming(Countdown.Handle),
});
