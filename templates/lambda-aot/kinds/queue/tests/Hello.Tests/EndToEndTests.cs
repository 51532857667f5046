namespace Hello.Tests;

/// <summary>The published bootstrap under the local Lambda emulator, invoked with an SQS batch.</summary>
public sealed class EndToEndTests(HelloFunction hello) : IClassFixture<HelloFunction>
{
    [EndToEndFact]
    public async Task A_batch_with_one_bad_message_reports_only_that_one()
    {
        await using var function = await hello.StartAsync("queue");
        byte[] @event = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(hello.ProjectPath)!, "events", "sqs.json"));

        var result = await function.InvokeAsync(@event);

        Assert.False(result.IsError, result.BodyText);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"a7e3b1c9-4f2d-4e8a-b6c0-9d1f3e5a7b2c"}]}""", result.BodyText);
        Assert.Contains(function.Output, line => line.Contains("Hello, Ada!"));
    }
}
