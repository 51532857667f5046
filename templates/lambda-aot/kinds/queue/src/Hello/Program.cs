using LambdaBootstrap.Events;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using Hello;

// The function's handlers, by name: Lambda's Handler setting (_HANDLER) picks one. Each factory runs once, at init.
return LambdaRuntime.Run(new HandlerRegistry
{
    // A batch of SQS messages in, the ones that failed out (the event source mapping's ReportBatchItemFailures).
    ["queue"] = () => LambdaHandler.Json(QueueHandler.Handle, SqsJson.Default.SQSEvent, SqsJson.Default.SQSBatchResponse),
});
