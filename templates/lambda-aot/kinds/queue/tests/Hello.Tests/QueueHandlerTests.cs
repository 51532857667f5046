using LambdaBootstrap.Events;
using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>The queue handler as a plain method, in-process: fast, no runtime, no publish.</summary>
public sealed class QueueHandlerTests
{
    private static SQSMessage Message(string id, string body) => new() { MessageId = id, Body = body };

    [Fact]
    public void A_batch_that_succeeds_reports_no_failures()
    {
        var context = new TestLambdaContext();
        var response = QueueHandler.Handle(new SQSEvent { Records = [Message("1", """{"name":"Ada"}"""), Message("2", """{"name":"Bo"}""")] }, context);
        Assert.Empty(response.BatchItemFailures);
        Assert.True(context.TestLogger.Contains("Hello, Ada!"));
        Assert.True(context.TestLogger.Contains("Hello, Bo!"));
    }

    [Fact]
    public void Only_the_messages_that_fail_go_back_to_the_queue()
    {
        var batch = new SQSEvent { Records = [Message("good", """{"name":"Ada"}"""), Message("not-json", "hello"), Message("no-name", "{}")] };
        var response = QueueHandler.Handle(batch, new TestLambdaContext());
        Assert.Equal(["not-json", "no-name"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }
}
