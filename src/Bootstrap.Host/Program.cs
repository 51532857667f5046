using LambdaBootstrap.Events.Http;
using Bootstrap.Host;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

// The handlers this bootstrap can run, by _HANDLER name. Adding one is one line.
return LambdaRuntime.Run(new HandlerRegistry
{
    ["echo"] = () => LambdaHandler.Bytes(SampleHandlers.Echo),
    ["greet"] = () => LambdaHandler.Json<GreetRequest, GreetResponse>(SampleHandlers.Greet),
    ["context"] = () => LambdaHandler.Json(SampleHandlers.DescribeContext, ContextJson.Default.ContextDescription),
    ["fail"] = () => LambdaHandler.Bytes(SampleHandlers.Fail),
    ["stream"] = () => LambdaHandler.Streaming(SampleHandlers.Stream),
    ["sleep"] = () => LambdaHandler.Json(SampleHandlers.Sleep, SampleJson.Default.SleepRequest, SampleJson.Default.SleepResponse),
    ["counter"] = () => new Counter().Handler(),
    ["http"] = () => LambdaHandler.Http(HttpSample.Handle),
});
