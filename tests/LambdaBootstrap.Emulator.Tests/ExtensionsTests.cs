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
        LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = BootstrapBinaries.Host,
            Handler = handler,
            Extensions = extensions,
            Api = new RuntimeApiOptions { FunctionName = "with-extensions", Timeout = TimeSpan.FromSeconds(5) },
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
    public async Task Without_extension_processes_an_invocation_has_no_post_runtime_phase()
    {
        var lines = new Lines();
        await using var function = await StartAsync(lines, "echo");
        var result = await function.InvokeAsync("{}"u8.ToArray()).WaitAsync(Until.Patience);
        Assert.Null(result.PostRuntimeExtensionsMs);
        Assert.DoesNotContain(lines.All, l => l.StartsWith("EXTENSIONS ", StringComparison.Ordinal));
    }
}
