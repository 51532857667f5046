using LambdaBootstrap.Events;
using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>
/// The queue handler in-process, through the runtime's own invocation loop (LambdaTestHost): the batch read and the
/// partial batch response written as on Lambda, in milliseconds, with no publish.
/// </summary>
public sealed class QueueHandlerTests
{
    private readonly LambdaTestHost _queue = new(Function.Handlers, "queue");

    private static SQSEvent Batch(params (string Id, string Body)[] messages) =>
        new() { Records = [.. messages.Select(m => new SQSMessage { MessageId = m.Id, Body = m.Body, EventSource = "aws:sqs" })] };

    [Fact]
    public async Task A_batch_that_succeeds_reports_no_failures()
    {
        var result = await _queue.InvokeAsync(Batch(("1", """{"name":"Ada"}"""), ("2", """{"name":"Bo"}""")), SqsJson.Default.SQSEvent);

        Assert.False(result.IsError, result.Error?.Json);
        Assert.Equal("""{"batchItemFailures":[]}""", result.ResponseText);
        Assert.Contains(result.LogLines, line => line.EndsWith("Hello, Ada!"));
        Assert.Contains(result.LogLines, line => line.EndsWith("Hello, Bo!"));
    }

    [Fact]
    public async Task Only_the_messages_that_fail_go_back_to_the_queue()
    {
        var batch = Batch(("good", """{"name":"Ada"}"""), ("not-json", "hello"), ("no-name", "{}"), ("empty", ""));

        var result = await _queue.InvokeAsync(batch, SqsJson.Default.SQSEvent);

        Assert.Equal(
            """{"batchItemFailures":[{"itemIdentifier":"not-json"},{"itemIdentifier":"no-name"},{"itemIdentifier":"empty"}]}""",
            result.ResponseText);
        Assert.Contains(result.LogLines, line => line.Contains("message no-name failed"));
    }

    [Fact]
    public async Task An_event_that_is_no_batch_is_a_serialization_error() =>
        Assert.Equal("Runtime.SerializationError", (await _queue.InvokeAsync("""{"Records": 7}""")).Error?.ErrorType);
}
