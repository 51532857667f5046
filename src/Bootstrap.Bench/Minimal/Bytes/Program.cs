using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

// One bytes handler, the event back unchanged: what every function pays before its own code.
return LambdaRuntime.Run(new HandlerRegistry
{
    ["echo"] = () => LambdaHandler.Bytes(static (ReadOnlyMemory<byte> @event, ILambdaContext _) => @event),
});
