using System.Collections.Concurrent;
using System.Text;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// External extensions beside the AOT bootstrap: started with the function, registered, given INVOKE and SHUTDOWN
/// events, and fed by the Telemetry API. One extension is a Python script written only against AWS's documented API.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class ExtensionsTests
{
    internal static readonly string PythonExtension = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "LambdaBootstrap.Emulator.Tests", "extensions", "python-telemetry");

    internal sealed class Lines
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public void Add(string line) => _lines.Enqueue(line);
        public IReadOnlyList<string> All => _lines.ToArray();
        public string Text => string.Join("\n", _lines);
        public Task UntilAsync(string fragment) => Until.TrueAsync(() => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)), $"no line has '{fragment}':\n{Text}");
    }

    internal static Task<LocalFunction> StartAsync(Lines lines, string handler, params string[] extensions) =>
        StartAsync(lines, BootstrapBinaries.Host, handler, extensions);

    internal static readonly string FailingExtension = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "LambdaBootstrap.Emulator.Tests", "extensions", "python-failing");

    internal static readonly string LingeringExtension = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "LambdaBootstrap.Emulator.Tests", "extensions", "python-lingering");

    internal static Task<LocalFunction> StartAsync(Lines lines, string bootstrap, string handler, string[] extensions, Dictionary<string, string>? environment = null,
        double timeoutSeconds = 5) =>
        LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = bootstrap,
            Handler = handler,
            Extensions = extensions,
            Environment = environment ?? [],
            Api = new RuntimeApiOptions { FunctionName = "with-extensions", Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
        }, (line, _) => lines.Add(line));

    [Fact]
    public async Task An_extension_written_against_the_documented_API_registers_gets_INVOKE_and_SHUTDOWN_and_telemetry()
    {
        var lines = new Lines();
        var function = await StartAsync(lines, "greet", PythonExtension);
        InvokeResult result;
        try
        {
            result = await function.InvokeAsync("{\"name\":\"Ada\"}"u8.ToArray()).WaitAsync(Until.Patience);
            Assert.Equal("{\"message\":\"Hello, Ada!\"}", result.Outcome.BodyText);
            string id = result.RequestId;
            await lines.UntilAsync("python-telemetry: registered for with-extensions $LATEST handler greet");
            await lines.UntilAsync("python-telemetry: subscribed: 200 \"OK\"");
            // The function's environment, less what Lambda keeps for the runtime.
            await lines.UntilAsync("python-telemetry: environment AWS_LAMBDA_FUNCTION_NAME=with-extensions _HANDLER=None");
            await lines.UntilAsync($"python-telemetry: event INVOKE {id} arn:aws:lambda:us-east-1:012345678912:function:with-extensions");
            await lines.UntilAsync("python-telemetry: telemetry platform.initStart");
            await lines.UntilAsync("python-telemetry: telemetry platform.telemetrySubscription");
            await lines.UntilAsync($"python-telemetry: telemetry platform.start {id}");
            await lines.UntilAsync($"python-telemetry: telemetry platform.runtimeDone {id}");
            await lines.UntilAsync($"python-telemetry: telemetry platform.report {id}");
            // The invoke phase ended only when the extension asked for its next event: REPORT says how long after the runtime.
            await lines.UntilAsync($"EXTENSIONS RequestId: {id}\tPostRuntimeExtensionsDuration: ");
            var report = lines.All.Single(l => l.StartsWith("REPORT ", StringComparison.Ordinal));
            Assert.Contains("Init Duration: ", report);
        }
        finally
        {
            await function.DisposeAsync();
        }
        Assert.Contains(lines.All, l => l == "python-telemetry: event SHUTDOWN spindown");
    }

    [Fact]
    public async Task A_CSharp_extension_and_an_independent_one_run_side_by_side_each_with_its_events_and_telemetry()
    {
        var lines = new Lines();
        var function = await StartAsync(lines, BootstrapBinaries.TestFunction, "log", [BootstrapBinaries.TestExtension, PythonExtension]);
        try
        {
            var result = await function.InvokeAsync("{\"n\":1}"u8.ToArray()).WaitAsync(Until.Patience);
            Assert.Equal("logged", result.Outcome.BodyText);
            string id = result.RequestId;
            foreach (string name in new[] { "csharp-telemetry", "python-telemetry" })
            {
                await lines.UntilAsync($"{name}: registered for with-extensions $LATEST handler log");
                await lines.UntilAsync($"{name}: event INVOKE {id} ");
                await lines.UntilAsync($"{name}: telemetry platform.extension");
                await lines.UntilAsync($"{name}: telemetry platform.start {id}");
                await lines.UntilAsync($"{name}: telemetry platform.report {id}");
                await lines.UntilAsync($"{name}: telemetry function ");
            }
            await lines.UntilAsync("csharp-telemetry: telemetry platform.initReport");
            await lines.UntilAsync("csharp-telemetry: telemetry extension line seen");
            Assert.Contains(lines.All, l => l.StartsWith("csharp-telemetry: telemetry function console says {\"n\":1}", StringComparison.Ordinal));
        }
        finally
        {
            await function.DisposeAsync();
        }
        Assert.Contains(lines.All, l => l == "csharp-telemetry: event SHUTDOWN spindown");
        Assert.Contains(lines.All, l => l == "python-telemetry: event SHUTDOWN spindown");
    }

    [Theory]
    [InlineData("init", "Extension.TestInitFailure")]
    [InlineData("exit", "Extension.TestExitFailure")]
    [InlineData("crash", "Extension.Crash")]
    public async Task An_extension_that_fails_fails_the_invocation_and_the_environment(string failure, string errorType)
    {
        var lines = new Lines();
        await using var function = await StartAsync(lines, BootstrapBinaries.Host, "sleep", [FailingExtension], new() { ["EXTENSION_FAILURE"] = failure });
        var result = await function.InvokeAsync("{\"ms\":3000,\"blocking\":false}"u8.ToArray()).WaitAsync(Until.Patience);
        Assert.True(result.Outcome.IsError, result.Outcome.BodyText);
        Assert.Equal(errorType, result.Outcome.ErrorType);
        Assert.True(result.DurationMs < 3000, $"the invocation waited for the handler: {result.DurationMs} ms");
        Assert.Equal(FunctionState.Crashed, function.State);
        if (failure != "crash")
            await lines.UntilAsync("python-failing: next after the error answered 403");
        Assert.Contains(lines.All, l => l.StartsWith("REPORT ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_caller_has_the_response_when_the_runtime_replies_and_the_invocation_ends_when_the_extension_calls_next()
    {
        var lines = new Lines();
        var signal = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        signal.Start();
        try
        {
            string port = ((System.Net.IPEndPoint)signal.LocalEndpoint).Port.ToString();
            await using var function = await StartAsync(lines, BootstrapBinaries.Host, "echo", [LingeringExtension], new() { ["LINGER_PORT"] = port });
            var pending = function.StartInvoke("{\"x\":1}"u8.ToArray(), new InvokeOptions { TailLog = true });
            using var lingering = await signal.AcceptTcpClientAsync().WaitAsync(Until.Patience);
            var result = await pending.Result.WaitAsync(Until.Patience);
            Assert.Equal("{\"x\":1}", result.Outcome.BodyText);
            string tail = Encoding.UTF8.GetString(result.Log!.Tail());
            Assert.Contains($"START RequestId: {result.RequestId}", tail);
            Assert.DoesNotContain("REPORT", tail);
            // The response is out; the extension still works on the invocation, so the function is busy and has not reported.
            Assert.Equal(FunctionState.Running, function.State);
            Assert.DoesNotContain(lines.All, l => l.StartsWith("REPORT ", StringComparison.Ordinal));

            await lingering.GetStream().WriteAsync(new byte[] { 1 });
            await lines.UntilAsync($"EXTENSIONS RequestId: {result.RequestId}\tPostRuntimeExtensionsDuration: ");
            await Until.TrueAsync(() => function.State == FunctionState.Warm, $"the function stayed {function.State}");
            Assert.Contains(lines.All, l => l == $"python-lingering: done with {result.RequestId}");
            var report = lines.All.Single(l => l.StartsWith("REPORT ", StringComparison.Ordinal));
            double duration = double.Parse(report.Split('\t')[1]["Duration: ".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(duration >= result.DurationMs, $"REPORT's Duration {duration} ms leaves out the extension's time after the runtime's {result.DurationMs} ms");
        }
        finally
        {
            signal.Stop();
        }
    }

    [Fact]
    public async Task Init_is_complete_only_when_every_extension_has_called_next_and_Init_Duration_covers_it()
    {
        var lines = new Lines();
        var signal = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        signal.Start();
        try
        {
            string port = ((System.Net.IPEndPoint)signal.LocalEndpoint).Port.ToString();
            await using var function = await StartAsync(lines, BootstrapBinaries.Host, "echo", [LingeringExtension],
                new() { ["LINGER_PORT"] = port, ["LINGER_IN_INIT"] = "1" });
            var pending = function.StartInvoke("{}"u8.ToArray());
            using var lingering = await signal.AcceptTcpClientAsync().WaitAsync(Until.Patience);
            var held = System.Diagnostics.Stopwatch.StartNew();
            // The runtime is ready and waits on /next; the event waits for the extension.
            await function.Api.UntilNextsWaitAsync(1).WaitAsync(Until.Patience);
            Assert.False(pending.Invocation.IsCompleted, "the event went to the runtime before the extension finished its init");
            await lingering.GetStream().WriteAsync(new byte[] { 1 });
            double heldMs = held.Elapsed.TotalMilliseconds;
            var result = await pending.Result.WaitAsync(Until.Patience);
            Assert.Equal("{}", result.Outcome.BodyText);
            Assert.True(result.InitDurationMs >= heldMs, $"Init Duration {result.InitDurationMs} ms leaves out the {heldMs} ms the extension held init");
        }
        finally
        {
            signal.Stop();
        }
    }

    [Fact]
    public async Task A_timeout_shuts_the_extensions_down_with_the_reason_timeout()
    {
        var lines = new Lines();
        await using var function = await StartAsync(lines, BootstrapBinaries.Host, "sleep", [PythonExtension], timeoutSeconds: 1);
        var result = await function.InvokeAsync("{\"ms\":3000,\"blocking\":false}"u8.ToArray()).WaitAsync(Until.Patience);
        Assert.Equal("Sandbox.Timedout", result.Outcome.ErrorType);
        Assert.Contains(lines.All, l => l == "python-telemetry: event SHUTDOWN timeout");
    }

    [Fact]
    public async Task A_runtime_crash_shuts_the_extensions_down_with_the_reason_failure()
    {
        var lines = new Lines();
        await using var function = await StartAsync(lines, BootstrapBinaries.TestFunction, "crash", [PythonExtension]);
        var result = await function.InvokeAsync("{}"u8.ToArray()).WaitAsync(Until.Patience);
        Assert.Equal("Runtime.ExitError", result.Outcome.ErrorType);
        Assert.Contains(lines.All, l => l == "python-telemetry: event SHUTDOWN failure");
    }

    [Fact]
    public async Task Without_extension_processes_an_invocation_has_no_post_runtime_phase()
    {
        var lines = new Lines();
        await using var function = await StartAsync(lines, "echo");
        var result = await function.InvokeAsync("{}"u8.ToArray()).WaitAsync(Until.Patience);
        Assert.Null(result.PostRuntimeExtensionsMs);
        Assert.DoesNotContain(lines.All, l => l.StartsWith("EXTENSIONS ", StringComparison.Ordinal));
    }
}
