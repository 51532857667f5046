using System.Diagnostics;
using System.Net;
using System.Text;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>--max-concurrency, the Extensions API, and shutting a function down with SIGTERM.</summary>
[Collection(TimingSensitive.Name)]
public sealed class ConcurrencyAndShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static Task<LocalFunction> Start(string handler, List<string> lines, int maxConcurrency = 1) =>
        LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = BootstrapBinaries.Host,
            Handler = handler,
            MaxConcurrency = maxConcurrency,
        }, (line, _) => { lock (lines) lines.Add(line); });

    [Fact]
    public async Task Max_concurrency_runs_invocations_in_parallel_with_one_REPORT_each()
    {
        var lines = new List<string>();
        await using var function = await Start("sleep", lines, maxConcurrency: 4);
        await function.InvokeAsync("{\"ms\":0,\"blocking\":true}"u8.ToArray()); // cold start, all four loops up

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => function.InvokeAsync("{\"ms\":600,\"blocking\":true}"u8.ToArray()))).WaitAsync(Patience);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), $"four 600 ms invocations took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.All(results, r => Assert.Equal("{\"sleptMs\":600}", r.Outcome.BodyText));
        lock (lines)
            Assert.Equal(5, lines.Count(l => l.StartsWith("REPORT ")));
    }

    [Fact]
    public async Task Beyond_max_concurrency_invokes_queue()
    {
        var lines = new List<string>();
        await using var function = await Start("sleep", lines, maxConcurrency: 2);
        await function.InvokeAsync("{\"ms\":0,\"blocking\":true}"u8.ToArray());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => function.InvokeAsync("{\"ms\":400,\"blocking\":true}"u8.ToArray()))).WaitAsync(Patience);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(790), $"four 400 ms invocations two at a time took only {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Shutdown_sends_SIGTERM_to_a_bootstrap_with_hooks_which_runs_them_and_exits_0()
    {
        var lines = new List<string>();
        var function = await Start("counter", lines);
        await function.InvokeAsync("{}"u8.ToArray());
        await function.InvokeAsync("{}"u8.ToArray());
        var process = function.Process!;
        await function.DisposeAsync();

        Assert.Equal(0, await process.Exited.WaitAsync(Patience));
        // The last lines may still be in the pipe: wait for them rather than a fixed time.
        for (var patience = Stopwatch.StartNew(); patience.Elapsed < Patience; await Task.Delay(20))
        {
            lock (lines)
            {
                if (lines.Any(l => l.Contains("counter served 2 invocations")) && lines.Any(l => l.Contains("the bootstrap exited with 0")))
                    break;
            }
        }
        lock (lines)
        {
            string all = string.Join('\n', lines);
            Assert.True(lines.Any(l => l.Contains("SIGTERM to the bootstrap") && l.Contains("bootstrap-shutdown-hooks")), all);
            Assert.True(lines.Any(l => l.Contains("counter served 2 invocations")), all);
            Assert.True(lines.Any(l => l.Contains("the bootstrap exited with 0")), all);
        }
    }

    [Fact]
    public async Task A_bootstrap_without_extensions_is_killed_without_SIGTERM()
    {
        var lines = new List<string>();
        var function = await Start("echo", lines);
        await function.InvokeAsync("{}"u8.ToArray());
        var process = function.Process!;
        await function.DisposeAsync();
        Assert.True(process.HasExited);
        lock (lines)
            Assert.DoesNotContain(lines, l => l.Contains("SIGTERM"));
    }

    [Fact]
    public async Task The_extensions_API_registers_during_init_and_refuses_what_it_cannot_do()
    {
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { FunctionName = "fn" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://{api.Address}"), Timeout = Patience };
        api.BeginColdStart();

        async Task<HttpResponseMessage> Register(string? name, string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/2020-01-01/extension/register") { Content = new StringContent(body) };
            if (name is not null)
                request.Headers.Add("Lambda-Extension-Name", name);
            return await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Register(null, "{\"events\":[]}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Register("x", "{\"events\":[\"RESTORE\"]}")).StatusCode);
        using var registered = await Register("ext", "{\"events\":[\"SHUTDOWN\"]}");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        string id = registered.Headers.GetValues("Lambda-Extension-Identifier").Single();
        Assert.Contains("\"functionName\":\"fn\"", await registered.Content.ReadAsStringAsync());

        var unknown = new HttpRequestMessage(HttpMethod.Get, "/2020-01-01/extension/event/next");
        unknown.Headers.Add("Lambda-Extension-Identifier", "nope");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(unknown)).StatusCode);

        var next = new HttpRequestMessage(HttpMethod.Get, "/2020-01-01/extension/event/next");
        next.Headers.Add("Lambda-Extension-Identifier", id);
        var waiting = http.SendAsync(next);
        await api.Extensions.UntilEventRequestsWaitAsync(1).WaitAsync(Patience);
        Assert.False(waiting.IsCompleted);
        api.Extensions.SignalShutdown(DateTimeOffset.UtcNow.AddMilliseconds(500));
        using var shutdown = await waiting.WaitAsync(Patience);
        Assert.Contains("\"eventType\":\"SHUTDOWN\"", await shutdown.Content.ReadAsStringAsync());

        // Once the runtime asks for its first event, init is over and registration closes.
        _ = http.GetAsync("/2018-06-01/runtime/invocation/next");
        await api.UntilNextsWaitAsync(1).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.Forbidden, (await Register("late", "{\"events\":[]}")).StatusCode);
    }
}
