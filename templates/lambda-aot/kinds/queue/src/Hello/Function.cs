using LambdaBootstrap.Events;
using LambdaBootstrap.Runtime.Handlers;

namespace Hello;

/// <summary>The function's handlers, by name: Program.cs runs them, and the unit tests invoke them in-process.</summary>
public static class Function
{
    public static HandlerRegistry Handlers => new()
    {
        // A batch of SQS messages in, the ones that failed out (the event source mapping's ReportBatchItemFailures).
        // The SQS types are [LambdaJson]: their generated code reads the batch and writes the answer.
        ["queue"] = () => LambdaHandler.Json<SQSEvent, SQSBatchResponse>(QueueHandler.Handle),
    };
}
