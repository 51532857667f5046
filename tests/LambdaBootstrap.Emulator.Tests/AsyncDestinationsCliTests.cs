using System.Net;
using System.Text.Json;
using Bootstrap.TestSupport.Emulator;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The emulator's command line with a template, on the AOT bootstrap: an Event invoke of a failing function is
/// retried twice under its request id, and its on-failure record reaches another function of the template (a Lambda
/// destination) and its event the dead-letter queue's file; a successful one reaches its on-success topic's file.
/// </summary>
public sealed class AsyncDestinationsCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("async-template-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: provided.al2023
            CodeUri: code/
        Resources:
          Failing:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fail
              EventInvokeConfig:
                MaximumRetryAttempts: 2
                DestinationConfig:
                  OnFailure:
                    Type: Lambda
                    Destination: !GetAtt Catcher.Arn
              DeadLetterQueue:
                Type: SQS
                TargetArn: !GetAtt DeadLetters.Arn
          Catcher:
            Type: AWS::Serverless::Function
            Properties:
              Handler: echo
              EventInvokeConfig:
                DestinationConfig:
                  OnSuccess:
                    Type: SQS
                    Destination: !GetAtt Caught.Arn
          Greeter:
            Type: AWS::Serverless::Function
            Properties:
              Handler: echo
              FunctionName: greeter
              EventInvokeConfig:
                DestinationConfig:
                  OnSuccess:
                    Type: SNS
                    Destination: !Ref Successes
          DeadLetters:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: dead-letters
          Caught:
            Type: AWS::SQS::Queue
          Successes:
            Type: AWS::SNS::Topic
        """;

    private async Task<CliUnderTest> StartAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        File.Copy(BootstrapBinaries.Host, Path.Combine(_directory, "code", "bootstrap"));
        string template = Path.Combine(_directory, "template.yaml");
        await File.WriteAllTextAsync(template, Template);
        return await CliUnderTest.StartAsync($"--template {template} --port 0 --retry-delay 0.05 --destinations {Path.Combine(_directory, "out")}");
    }

    private static async Task<string> InvokeEventAsync(CliUnderTest emulator, string function, string payload)
    {
        using var response = await emulator.Http.PostAsync($"/2015-03-31/functions/{function}/invocations", new StringContent(payload)
        {
            Headers = { { "X-Amz-Invocation-Type", "Event" } },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("X-Amzn-RequestId"));
    }

    private JsonElement OnlyLine(string file)
    {
        using var document = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(_directory, "out", file))));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_failing_event_reaches_its_Lambda_destination_and_dead_letter_queue_after_two_retries()
    {
        using var emulator = await StartAsync();
        string requestId = await InvokeEventAsync(emulator, "Failing", """{"order":42}""");

        await emulator.WaitForLinesAsync(l => l.Contains("async RequestId: ") && l.Contains("on-success record sent to arn:aws:sqs:us-east-1:012345678912:Caught"), 1);
        await emulator.WaitForLinesAsync(l => l.Contains($"async RequestId: {requestId} event sent to arn:aws:sqs:us-east-1:012345678912:dead-letters"), 1);

        var all = emulator.Lines.Concat(emulator.Errors).ToList();
        Assert.Equal(3, all.Count(l => l.StartsWith($"[Failing] START RequestId: {requestId} ", StringComparison.Ordinal)));
        Assert.Contains(all, l => l.Contains($"async RequestId: {requestId} attempt 1 failed (InvalidOperationException); retry 1 in 0.05 s"));
        Assert.Contains(all, l => l.Contains($"async RequestId: {requestId} attempt 2 failed (InvalidOperationException); retry 2 in 0.1 s"));
        Assert.Contains(all, l => l.Contains($"async RequestId: {requestId} attempt 3 of 3"));

        // The catcher ran with the failure record as its event, and its own success record carries it as requestPayload.
        var caught = OnlyLine("sqs-Caught.jsonl");
        var catcherRecord = JsonDocument.Parse(caught.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:Catcher:$LATEST", catcherRecord.GetProperty("requestContext").GetProperty("functionArn").GetString());
        var failure = catcherRecord.GetProperty("requestPayload");
        Assert.Equal(requestId, failure.GetProperty("requestContext").GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:Failing:$LATEST", failure.GetProperty("requestContext").GetProperty("functionArn").GetString());
        Assert.Equal("RetriesExhausted", failure.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(3, failure.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal(42, failure.GetProperty("requestPayload").GetProperty("order").GetInt32());
        Assert.Equal("Unhandled", failure.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal("boom", failure.GetProperty("responsePayload").GetProperty("errorMessage").GetString());

        var deadLetter = OnlyLine("sqs-dead-letters.jsonl");
        Assert.Equal("""{"order":42}""", deadLetter.GetProperty("body").GetString());
        Assert.Equal(requestId, deadLetter.GetProperty("messageAttributes").GetProperty("RequestID").GetProperty("stringValue").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:012345678912:dead-letters", deadLetter.GetProperty("eventSourceARN").GetString());
    }

    [Fact]
    public async Task A_successful_event_reaches_its_on_success_destination_once()
    {
        using var emulator = await StartAsync();
        string requestId = await InvokeEventAsync(emulator, "greeter", """{"name":"Ada"}""");

        await emulator.WaitForLinesAsync(l => l.Contains($"async RequestId: {requestId} on-success record sent to arn:aws:sns:us-east-1:012345678912:Successes"), 1);

        Assert.Single(emulator.Lines, l => l.StartsWith($"[greeter] START RequestId: {requestId} ", StringComparison.Ordinal));
        var notification = OnlyLine("sns-Successes.jsonl");
        Assert.Equal("Notification", notification.GetProperty("Type").GetString());
        var record = JsonDocument.Parse(notification.GetProperty("Message").GetString()!).RootElement;
        Assert.Equal("Success", record.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(requestId, record.GetProperty("requestContext").GetProperty("requestId").GetString());
        Assert.Equal("Ada", record.GetProperty("responsePayload").GetProperty("name").GetString());
    }
}
