using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.Async;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// Event invokes as Lambda runs them: queued, retried with the same request id after the retry delay (doubled for the
/// second retry), discarded when too old, and their records and payloads sent to destinations and the dead-letter queue.
/// The clock is moved by the test: no retry runs before its delay has passed on it.
/// </summary>
public sealed class AsyncInvokeTests : IDisposable
{
    private const string Account = "arn:aws:sqs:us-east-1:012345678912";
    private readonly string _folder = Directory.CreateTempSubdirectory("destinations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<EmulatorUnderTest> StartAsync(string handler, TestClock clock, EventInvokeConfig config)
    {
        var emulator = await EmulatorUnderTest.StartAsync(handler, time: clock, eventInvoke: config);
        emulator.Function.Events.Destinations = new Destinations(_folder, clock);
        return emulator;
    }

    private static async Task<string> InvokeEventAsync(EmulatorUnderTest emulator, string payload)
    {
        using var response = await emulator.InvokeAsync(payload, r => r.Headers.Add("X-Amz-Invocation-Type", "Event"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("X-Amzn-RequestId"));
    }

    private static Task UntilLoggedAsync(EmulatorUnderTest emulator, string text) =>
        Until.TrueAsync(() => emulator.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"no line with '{text}'");

    private static int Starts(EmulatorUnderTest emulator, string requestId) =>
        emulator.Lines.Count(l => l.StartsWith($"START RequestId: {requestId} ", StringComparison.Ordinal));

    private JsonElement OnlyMessage(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(_folder, file));
        using var document = JsonDocument.Parse(Assert.Single(lines));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_failing_event_is_retried_twice_with_its_request_id_then_recorded_and_dead_lettered()
    {
        var clock = new TestClock();
        await using var emulator = await StartAsync("fail", clock, new EventInvokeConfig
        {
            RetryDelay = TimeSpan.FromSeconds(2),
            OnFailure = $"{Account}:failures",
            DeadLetterQueue = $"{Account}:dead-letters",
        });

        string requestId = await InvokeEventAsync(emulator, """{"order":7}""");

        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} attempt 1 failed (InvalidOperationException); retry 1 in 2 s");
        Assert.Equal(1, Starts(emulator, requestId));
        clock.Advance(TimeSpan.FromSeconds(2));
        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} attempt 2 failed (InvalidOperationException); retry 2 in 4 s");
        Assert.Equal(2, Starts(emulator, requestId));
        clock.Advance(TimeSpan.FromSeconds(4));
        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} event sent to {Account}:dead-letters");

        Assert.Equal(3, Starts(emulator, requestId));
        Assert.Contains(emulator.Lines, l => l.Contains($"async RequestId: {requestId} attempt 3 of 3", StringComparison.Ordinal));
        Assert.Contains(emulator.Lines, l => l.Contains($"async RequestId: {requestId} failed 3 attempts (RetriesExhausted)", StringComparison.Ordinal));

        var record = JsonDocument.Parse(OnlyMessage("sqs-failures.jsonl").GetProperty("body").GetString()!).RootElement;
        Assert.Equal("1.0", record.GetProperty("version").GetString());
        var context = record.GetProperty("requestContext");
        Assert.Equal(requestId, context.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:function:$LATEST", context.GetProperty("functionArn").GetString());
        Assert.Equal("RetriesExhausted", context.GetProperty("condition").GetString());
        Assert.Equal(3, context.GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal(7, record.GetProperty("requestPayload").GetProperty("order").GetInt32());
        Assert.Equal(200, record.GetProperty("responseContext").GetProperty("statusCode").GetInt32());
        Assert.Equal("$LATEST", record.GetProperty("responseContext").GetProperty("executedVersion").GetString());
        Assert.Equal("Unhandled", record.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal("InvalidOperationException", record.GetProperty("responsePayload").GetProperty("errorType").GetString());

        var deadLetter = OnlyMessage("sqs-dead-letters.jsonl");
        Assert.Equal("""{"order":7}""", deadLetter.GetProperty("body").GetString());
        var attributes = deadLetter.GetProperty("messageAttributes");
        Assert.Equal(requestId, attributes.GetProperty("RequestID").GetProperty("stringValue").GetString());
        Assert.Equal("Number", attributes.GetProperty("ErrorCode").GetProperty("dataType").GetString());
        Assert.Equal("200", attributes.GetProperty("ErrorCode").GetProperty("stringValue").GetString());
        Assert.Equal("boom", attributes.GetProperty("ErrorMessage").GetProperty("stringValue").GetString());

        var ended = Assert.Single(emulator.Function.Events.Recent);
        Assert.Equal(AsyncCondition.RetriesExhausted, ended.Condition);
        Assert.Equal([1, 2, 3], ended.Attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task A_successful_event_runs_once_and_its_record_goes_on_success()
    {
        var clock = new TestClock();
        await using var emulator = await StartAsync("echo", clock, new EventInvokeConfig
        {
            OnSuccess = "arn:aws:events:us-east-1:012345678912:event-bus/orders",
            OnFailure = $"{Account}:failures",
        });

        string requestId = await InvokeEventAsync(emulator, """{"order":8}""");
        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} on-success record sent to");

        Assert.Equal(1, Starts(emulator, requestId));
        var sent = OnlyMessage("events-orders.jsonl");
        Assert.Equal("Lambda Function Invocation Result - Success", sent.GetProperty("detail-type").GetString());
        Assert.Equal("lambda", sent.GetProperty("source").GetString());
        var record = sent.GetProperty("detail");
        Assert.Equal("Success", record.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.False(record.GetProperty("responseContext").TryGetProperty("functionError", out _));
        Assert.Equal(8, record.GetProperty("responsePayload").GetProperty("order").GetInt32());
        Assert.False(File.Exists(Path.Combine(_folder, "sqs-failures.jsonl")));
    }

    [Fact]
    public async Task An_event_older_than_its_maximum_age_is_discarded_instead_of_retried()
    {
        var clock = new TestClock();
        await using var emulator = await StartAsync("fail", clock, new EventInvokeConfig
        {
            RetryDelay = TimeSpan.FromSeconds(61),
            MaximumEventAge = TimeSpan.FromSeconds(60),
            OnFailure = $"{Account}:failures",
        });

        string requestId = await InvokeEventAsync(emulator, "{}");
        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} attempt 1 failed (InvalidOperationException); retry 1 in 61 s");
        clock.Advance(TimeSpan.FromSeconds(61));
        await UntilLoggedAsync(emulator, $"async RequestId: {requestId} on-failure record sent to");

        Assert.Equal(1, Starts(emulator, requestId));
        Assert.Contains(emulator.Lines, l => l.Contains("(EventAgeExceeded)", StringComparison.Ordinal));
        var record = JsonDocument.Parse(OnlyMessage("sqs-failures.jsonl").GetProperty("body").GetString()!).RootElement;
        Assert.Equal("EventAgeExceeded", record.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(1, record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
    }

    [Fact]
    public async Task Events_of_a_function_run_in_the_order_they_came()
    {
        var clock = new TestClock();
        await using var emulator = await StartAsync("echo", clock, EventInvokeConfig.Default);

        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
            ids.Add(await InvokeEventAsync(emulator, $$"""{"n":{{i}}}"""));
        await UntilLoggedAsync(emulator, $"async RequestId: {ids[^1]} succeeded on attempt 1");

        var started = emulator.Lines.Where(l => l.StartsWith("START RequestId: ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(ids, started);
    }
}
