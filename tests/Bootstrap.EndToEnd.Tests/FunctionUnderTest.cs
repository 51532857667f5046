using System.Text;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>A real AOT bootstrap running as a child process against a Kestrel Runtime API in the test process.</summary>
internal sealed class FunctionUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan Patience = Bootstrap.TestSupport.Patience.Default;

    private readonly OutputLines _output = new();

    private readonly RequestRecorder _recorder;

    private FunctionUnderTest(RuntimeApiServer api, RequestRecorder recorder) => (Api, _recorder) = (api, recorder);

    public RuntimeApiServer Api { get; }
    /// <summary>Every request the Runtime API received, each before its answer went out.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _recorder.Requests;
    public BootstrapProcess Process { get; private set; } = null!;

    public IEnumerable<string> Stdout => _output.Stdout;
    public IEnumerable<string> Stderr => _output.Stderr;
    public string AllOutput => _output.Text;

    public static async Task<FunctionUnderTest> StartAsync(
        string? handler,
        RuntimeApiOptions? options = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? binary = null,
        string? apiHost = null)
    {
        options ??= new RuntimeApiOptions();
        var recorder = new RequestRecorder();
        var api = await RuntimeApiServer.StartAsync(options with
        {
            Port = 0,
            Middleware = options.Middleware is { } middleware ? recorder.Around(middleware) : recorder.Middleware,
        });
        var function = new FunctionUnderTest(api, recorder);
        // apiHost: the name or address the bootstrap is given for the API instead of 127.0.0.1 (it listens on that).
        string address = apiHost is null ? api.Address : $"{apiHost}:{api.Port}";
        var env = LambdaEnvironment.Build(api.Options, address, handler, memoryMb: 128, taskRoot: Path.GetTempPath());
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            env[name] = value;
        function.Process = BootstrapProcess.Start(binary ?? BootstrapBinaries.Host, env, function._output.Receive);
        _ = function.Process.Exited.ContinueWith(_ => function._output.End(), TaskScheduler.Default);
        return function;
    }

    public Task<InvocationOutcome> InvokeAsync(string payload, InvokeOptions? options = null) =>
        InvokeAsync(Encoding.UTF8.GetBytes(payload), options);

    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, InvokeOptions? options = null)
    {
        var outcome = Api.InvokeAsync(payload, options);
        var exited = Process.Exited;
        var first = await Task.WhenAny(outcome, exited).WaitAsync(Patience);
        if (first == exited && !outcome.IsCompleted)
            throw new InvalidOperationException($"bootstrap exited with {exited.Result} before answering:\n{AllOutput}");
        return await outcome;
    }

    /// <summary>
    /// Waits until stdout holds <paramref name="count"/> lines that match. The function's output comes through a pipe,
    /// read apart from its replies: a line it wrote before replying may still be on its way when the outcome is in.
    /// </summary>
    public Task WaitForStdoutAsync(Func<string, bool> match, int count = 1) =>
        _output.WaitForLinesAsync(match, count, Patience, stdoutOnly: true);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync() => await Process.Exited.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Api.DisposeAsync();
    }
}
