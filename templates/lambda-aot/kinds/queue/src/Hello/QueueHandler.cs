using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Json;

namespace Hello;

/// <summary>
/// The queue's handler: each message is processed on its own, and those that fail are reported back, so that only they
/// return to the queue (and, after a few tries, to its dead-letter queue) while the rest of the batch is done.
/// </summary>
public static class QueueHandler
{
    public static SQSBatchResponse Handle(SQSEvent batch, ILambdaContext context)
    {
        var response = new SQSBatchResponse();
        foreach (var message in batch.Records ?? [])
        {
            try
            {
                Process(message, context);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                context.Logger.LogWarning($"message {message.MessageId} failed: {e.Message}");
                response.BatchItemFailures.Add(new SQSBatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }
        return response;
    }

    /// <summary>One message: a JSON greeting request, <c>{"name":"Ada"}</c>.</summary>
    public static void Process(SQSMessage message, ILambdaContext context)
    {
        var request = LambdaJsonSerializer.Deserialize<GreetRequest>(Encoding.UTF8.GetBytes(message.Body ?? ""));
        if (string.IsNullOrWhiteSpace(request?.Name))
            throw new InvalidDataException("the message names no one to greet");
        context.Logger.LogInformation($"Hello, {request.Name}!");
    }
}
