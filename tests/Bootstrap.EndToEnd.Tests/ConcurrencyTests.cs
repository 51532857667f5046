using System.Diagnostics;
using System.Text.Json;
using System.Text;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>AWS_LAMBDA_MAX_CONCURRENCY=N: N invocation loops in one process, each invocation isolated.</summary>
[Trait(Suite.Name, Suite.Conformance)]
[Collection(TimingSensitive.Name)]
public sealed class ConcurrencyTests
{
    private static Dictionary<string, string> Concurrency(int n, params (string, string)[] more)
    {
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_MAX_CONCURRENCY"] = n.ToString() };
        foreach (var (name, value) in more)
            environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task Four_blocking_handlers_run_at_once_on_four_connections()
    {
        await using var function = await FunctionUnderTest.StartAsync("sleep", environment: Concurrency(4));
        // Let all four loops connect and wait on /next.
        var warmUp = await function.InvokeAsync("{\"ms\":0,\"blocking\":true}");
        Assert.Equal("{\"sleptMs\":0}", warmUp.BodyText);

        var clock = Stopwatch.StartNew();
        var invocations = Enumerable.Range(0, 4).Select(_ => function.Api.Enqueue("{\"ms\":600,\"blocking\":true}"u8.ToArray())).ToList();
        var outcomes = await Task.WhenAll(invocations.Select(i => i.Outcome)).WaitAsync(FunctionUnderTest.Patience);
        var elapsed = clock.Elapsed;

        Assert.All(outcomes, o => Assert.Equal("{\"sleptMs\":600}", o.BodyText));
        Assert.True(elapsed < TimeSpan.FromMilliseconds(1500), $"four 600 ms blocking sleeps took {elapsed.TotalMilliseconds:0} ms: they did not run at once");
        Assert.Equal(4, OpenSockets(function.Process.Id));
    }

    [Fact]
    public async Task Blocking_async_handlers_do_not_starve_each_other()
    {
        await using var function = await FunctionUnderTest.StartAsync("sleep", environment: Concurrency(8));
        await function.InvokeAsync("{\"ms\":0,\"blocking\":false}");
        var clock = Stopwatch.StartNew();
        // Non-blocking sleeps resume on the thread pool; eight at once must still finish together.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => function.Api.Enqueue("{\"ms\":500,\"blocking\":false}"u8.ToArray()).Outcome)).WaitAsync(FunctionUnderTest.Patience);
        Assert.All(outcomes, o => Assert.False(o.IsError, o.BodyText));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Two_thousand_invocations_at_N8_are_each_answered_once_with_their_own_ids_and_no_trace_env()
    {
        await using var function = await FunctionUnderTest.StartAsync("context", null, Concurrency(8));
        var invocations = Enumerable.Range(0, 2000).Select(_ => function.Api.Enqueue("{}"u8.ToArray())).ToList();
        var outcomes = await Task.WhenAll(invocations.Select(i => i.Outcome)).WaitAsync(TimeSpan.FromSeconds(90));

        for (int i = 0; i < invocations.Count; i++)
        {
            using var json = JsonDocument.Parse(outcomes[i].Body);
            Assert.Equal(invocations[i].RequestId, json.RootElement.GetProperty("awsRequestId").GetString());
            Assert.Equal(invocations[i].TraceId, json.RootElement.GetProperty("traceId").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("traceEnv").ValueKind);
        }
        var responses = function.Requests.Where(r => r.Path.EndsWith("/response")).Select(r => r.Path).ToList();
        Assert.Equal(2000, responses.Count);
        Assert.Equal(2000, responses.Distinct().Count());
        Assert.Equal(0, function.Api.RefusedReplies);
    }

    [Fact]
    public async Task Log_lines_carry_their_own_invocations_request_id_as_JSON_by_default()
    {
        await using var function = await FunctionUnderTest.StartAsync("log", environment: Concurrency(8), binary: BootstrapBinaries.TestFunction);
        var invocations = Enumerable.Range(0, 200).Select(i => function.Api.Enqueue(Encoding.UTF8.GetBytes($"event-{i}"))).ToList();
        await Task.WhenAll(invocations.Select(i => i.Outcome)).WaitAsync(FunctionUnderTest.Patience);
        await function.WaitForStdoutAsync(l => l.StartsWith("{\"timestamp\""), 200 * 4);

        var byEvent = invocations.Select((inv, i) => (inv.RequestId, Event: $"event-{i}")).ToDictionary(x => x.Event, x => x.RequestId);
        var lines = function.Stdout.Where(l => l.StartsWith("{\"timestamp\"")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(200 * 4, lines.Count); // INFO, WARN, ERROR, FATAL of each
        foreach (var line in lines)
        {
            string message = line.GetProperty("message").GetString()!;
            string eventName = message[(message.LastIndexOf(' ') + 1)..];
            Assert.Equal(byEvent[eventName], line.GetProperty("requestId").GetString());
        }
    }

    [Fact]
    public async Task A_500_under_N4_ends_the_process_promptly_without_spinning()
    {
        int nexts = 0;
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Middleware = Intercept.With(async context =>
            {
                if (!context.Request.Path.Value!.EndsWith("/next"))
                    return false;
                Interlocked.Increment(ref nexts);
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"errorType\":\"ServiceException\"}");
                return true;
            }),
        }, Concurrency(4));
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.InRange(nexts, 1, 4);
        Assert.Contains(function.Stderr, line => line.Contains("500"));
    }

    /// <summary>TCP sockets the process holds open.</summary>
    private static int OpenSockets(int pid) =>
        Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count(fd => new FileInfo(fd).LinkTarget?.StartsWith("socket:") == true);
}
