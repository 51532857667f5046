using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The arm64 build of the default bootstrap, cross-compiled on this machine and run under qemu-user (natively on an
/// arm64 machine), against the same Kestrel Runtime API as the x86_64 tests: a representative set, not every case twice.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class Arm64Tests
{
    private static Task<FunctionUnderTest> StartAsync(string handler, RuntimeApiOptions? options = null, IReadOnlyDictionary<string, string>? environment = null) =>
        // A cold start under qemu takes about a second: give every reply the time an emulated process needs.
        FunctionUnderTest.StartAsync(handler, (options ?? new RuntimeApiOptions()) with { Timeout = TimeSpan.FromSeconds(20) }, environment, BootstrapBinaries.HostArm64);

    [Fact]
    public void The_binary_is_an_AArch64_executable()
    {
        Assert.Equal(LambdaArchitecture.Arm64, ElfMachine.Read(BootstrapBinaries.HostArm64));
        Assert.Equal(LambdaArchitecture.X86_64, ElfMachine.Read(BootstrapBinaries.Host));
    }

    [Fact]
    public async Task Echo_returns_a_one_MiB_chunked_event_byte_for_byte()
    {
        var payload = new byte[1024 * 1024];
        new Random(7).NextBytes(payload);
        await using var function = await StartAsync("echo");
        var small = await function.InvokeAsync("{\"hello\": [1, 2, 3]}");
        var large = await function.InvokeAsync(payload);

        Assert.Equal("{\"hello\": [1, 2, 3]}", small.BodyText);
        Assert.Equal(payload, large.Body);
    }

    [Fact]
    public async Task Greet_reports_a_malformed_event_and_serves_the_next()
    {
        await using var function = await StartAsync("greet");
        var bad = await function.InvokeAsync("{\"name\": ");
        var good = await function.InvokeAsync("{\"name\":\"Ada\"}");

        Assert.Equal("Runtime.SerializationError", bad.ErrorType);
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", good.BodyText);
    }

    [Fact]
    public async Task Context_fields_and_the_trace_id_reach_the_handler()
    {
        var options = new RuntimeApiOptions { FunctionName = "arm-fn", Timeout = TimeSpan.FromSeconds(30) };
        await using var function = await StartAsync("context", options);
        var invocation = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions { TenantId = "tenant-7" });
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);

        using var json = JsonDocument.Parse(outcome.Body);
        var root = json.RootElement;
        Assert.Equal(invocation.RequestId, root.GetProperty("awsRequestId").GetString());
        Assert.Equal("arm-fn", root.GetProperty("functionName").GetString());
        Assert.Equal(128, root.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal(invocation.TraceId, root.GetProperty("traceId").GetString());
        Assert.Equal(invocation.TraceId, root.GetProperty("traceEnv").GetString());
        Assert.Equal("tenant-7", root.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Fail_sends_an_error_report_with_the_XRay_cause()
    {
        await using var function = await StartAsync("fail");
        var outcome = await function.InvokeAsync("{}");

        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        var error = Assert.Single(function.Requests, r => r.Path.EndsWith("/error"));
        Assert.Equal("InvalidOperationException", error.Header("Lambda-Runtime-Function-Error-Type"));
        using var cause = JsonDocument.Parse(error.Header("Lambda-Runtime-Function-XRay-Error-Cause")!);
        var exception = Assert.Single(cause.RootElement.GetProperty("exceptions").EnumerateArray());
        Assert.Equal("boom", exception.GetProperty("message").GetString());
        Assert.Contains(exception.GetProperty("stack").EnumerateArray(), f => f.GetProperty("label").GetString() == "Bootstrap.Host.SampleHandlers.Fail");
    }

    [Fact]
    public async Task A_streamed_response_ends_with_its_error_in_the_trailers()
    {
        await using var function = await StartAsync("stream");
        var failed = function.Api.Enqueue("{\"chunks\":4,\"delayMs\":10,\"failAfter\":2}"u8.ToArray());
        var outcome = await failed.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        Assert.Equal("chunk 0\nchunk 1\n", Encoding.UTF8.GetString(failed.StreamedBody));
        var next = await function.InvokeAsync("{\"chunks\":3,\"delayMs\":0}");
        Assert.Equal("chunk 0\nchunk 1\nchunk 2\n", next.BodyText);
    }

    [Fact]
    public async Task Four_loops_serve_four_invocations_at_once()
    {
        await using var function = await StartAsync("sleep", environment: new Dictionary<string, string> { ["AWS_LAMBDA_MAX_CONCURRENCY"] = "4" });
        await function.InvokeAsync("{\"ms\":0,\"blocking\":true}");

        var invocations = Enumerable.Range(0, 4).Select(_ => function.Api.Enqueue("{\"ms\":2500,\"blocking\":true}"u8.ToArray())).ToList();
        var outcomes = await Task.WhenAll(invocations.Select(i => i.Outcome)).WaitAsync(FunctionUnderTest.Patience);
        Assert.All(outcomes, o => Assert.Equal("{\"sleptMs\":2500}", o.BodyText));
        // All four were under way together: each was handed out before the first could have finished (one loop
        // would have taken them 2.5 s apart). Timed by the server, so a slow emulated start does not count.
        var started = invocations.Select(i => i.StartedAt!.Value).ToList();
        Assert.True(started.Max() - started.Min() < TimeSpan.FromMilliseconds(2500), $"handed out over {(started.Max() - started.Min()).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task SIGTERM_runs_the_shutdown_hook_and_exits_0()
    {
        await using var function = await StartAsync("counter");
        for (int i = 1; i <= 2; i++)
            await function.InvokeAsync("{}");

        Assert.Equal("bootstrap-shutdown-hooks", Assert.Single(function.Api.Extensions.Registered).Name);
        Assert.True(await function.Process.TerminateAsync(TimeSpan.FromSeconds(10)), "no exit after SIGTERM");
        Assert.Equal(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stdout, line => line.Contains("counter served 2 invocations"));
    }

    [Fact]
    public async Task A_500_from_next_ends_the_process()
    {
        await using var function = await StartAsync("echo", new() { Middleware = RuntimeApiFaults.ServerErrorOn("/next", "{\"errorType\":\"ServiceException\"}") });
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stderr, line => line.Contains("500"));
    }

    [Fact]
    public async Task The_emulator_runs_it_and_marks_its_REPORT_lines_as_emulated()
    {
        if (ElfMachine.OfThisMachine() == LambdaArchitecture.Arm64)
            return;   // native there: nothing is emulated
        var lines = new List<string>();
        await using var function = await LocalFunction.StartAsync(
            new FunctionOptions { BootstrapPath = BootstrapBinaries.HostArm64, Handler = "greet", Api = new() { Timeout = TimeSpan.FromSeconds(20) } },
            (line, _) => { lock (lines) lines.Add(line); });
        var cold = await function.InvokeAsync("{\"name\":\"Ada\"}"u8.ToArray());
        var warm = await function.InvokeAsync("{\"name\":\"Bo\"}"u8.ToArray());

        Assert.Equal("{\"message\":\"Hello, Ada!\"}", cold.Outcome.BodyText);
        Assert.Equal("{\"message\":\"Hello, Bo!\"}", warm.Outcome.BodyText);
        Assert.Equal("qemu-aarch64", cold.EmulatedBy);
        string[] reports;
        lock (lines) reports = lines.Where(l => l.StartsWith("REPORT ")).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.All(reports, r => Assert.EndsWith("\tEmulated: qemu-aarch64 (timings not representative)", r));
        Assert.Contains("\tInit Duration: ", reports[0]);
    }
}
