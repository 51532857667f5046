using Bootstrap.Host;
using Bootstrap.Runtime;
using Bootstrap.Runtime.Handlers;

// The handlers this bootstrap can run, by _HANDLER name. Adding one is one line.
return LambdaRuntime.Run(new HandlerRegistry
{
    ["echo"] = () => LambdaHandler.Bytes(SampleHandlers.Echo),
    ["greet"] = () => LambdaHandler.Json(SampleHandlers.Greet, HostJson.Default.GreetRequest, HostJson.Default.GreetResponse),
    ["context"] = () => LambdaHandler.Json(SampleHandlers.DescribeContext, HostJson.Default.ContextDescription),
    ["fail"] = () => LambdaHandler.Bytes(SampleHandlers.Fail),
    ["stream"] = () => LambdaHandler.Streaming(SampleHandlers.Stream),
    ["sleep"] = () => LambdaHandler.Json(SampleHandlers.Sleep, HostJson.Default.SleepRequest, HostJson.Default.SleepResponse),
    ["counter"] = () => new Counter().Handler(),
});
