using System.Diagnostics;
using System.Threading.Channels;
using Bootstrap.Emulator.Processes;
using Bootstrap.Emulator.RuntimeApi;

namespace Bootstrap.Emulator;

/// <summary>
/// One function on this machine, run the way Lambda runs it: a bootstrap process started cold on the first
/// invoke, invocations served one at a time in arrival order, the timeout enforced, and a crash or timeout
/// answered with Lambda's error and followed by a fresh cold start. Prints START, END and REPORT lines.
/// </summary>
public sealed class LocalFunction : IAsyncDisposable
{
    private readonly FunctionOptions _options;
    private readonly RuntimeApiServer _api;
    private readonly Action<string, bool> _output;
    private readonly Channel<(byte[] Payload, InvokeOptions Options, TaskCompletionSource<InvokeResult> Result)> _queue =
        Channel.CreateUnbounded<(byte[], InvokeOptions, TaskCompletionSource<InvokeResult>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _dispatcher;

    private BootstrapProcess? _process;
    private double? _initDurationMs;
    private long _lastPeakRssKb;

    private LocalFunction(FunctionOptions options, RuntimeApiServer api, Action<string, bool> output)
    {
        _options = options;
        _api = api;
        _output = output;
        _api.NextRequested += OnInitEnded;
        _api.InitErrorReported += OnInitEnded;
        _api.InvocationStarted += OnInvocationStarted;
        _dispatcher = Task.Run(DispatchAsync);
    }

    public RuntimeApiServer Api => _api;
    public FunctionOptions Options => _options;
    /// <summary>The running bootstrap, if one is up.</summary>
    public BootstrapProcess? Process => _process;

    /// <summary>Starts the Runtime API. The bootstrap itself starts on the first invoke, as on Lambda.</summary>
    /// <param name="output">Receives every line to show: the bootstrap's output and the platform lines (line, isStandardError).</param>
    public static async Task<LocalFunction> StartAsync(FunctionOptions options, Action<string, bool> output)
    {
        if (!File.Exists(options.BootstrapPath))
            throw new EmulatorException($"bootstrap not found: {options.BootstrapPath}");
        var api = await RuntimeApiServer.StartAsync(options.Api);
        await api.WarmUpAsync();
        return new LocalFunction(options, api, output);
    }

    /// <summary>Queues an invoke; invokes run one at a time, in the order they arrive.</summary>
    public Task<InvokeResult> InvokeAsync(byte[] payload, InvokeOptions? options = null)
    {
        var result = new TaskCompletionSource<InvokeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((payload, options ?? InvokeOptions.None, result)))
            result.SetException(new EmulatorException("the emulator is shutting down"));
        return result.Task;
    }

    private async Task DispatchAsync()
    {
        await foreach (var (payload, options, result) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                result.SetResult(await RunAsync(payload, options));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        }
    }

    private async Task<InvokeResult> RunAsync(byte[] payload, InvokeOptions options)
    {
        bool cold = _process is null || _process.HasExited;
        if (cold)
            StartProcess();
        var process = _process!;
        var invocation = _api.Enqueue(payload, options);
        var initError = _api.InitError;

        // Phase 1: the function takes the event (after its init, on a cold start).
        var initTimeout = Task.Delay(_options.InitTimeout);
        var first = await Task.WhenAny(invocation.Started, process.Exited, initError, initTimeout);
        if (first != invocation.Started)
        {
            InvocationOutcome failure = initError.IsCompleted
                ? initError.Result
                : first == initTimeout
                    ? InvocationOutcome.Error("Sandbox.Timedout", $"{invocation.RequestId} Init timed out after {_options.InitTimeout.TotalSeconds:0.00} seconds")
                    : ExitError(invocation.RequestId, process);
            if (first != process.Exited)
                await StopProcessAsync();
            return Finish(invocation, failure, 0, cold);
        }

        // Phase 2: the handler runs until it answers, the process dies, or the timeout passes.
        var clock = Stopwatch.StartNew();
        var timeout = Task.Delay(_options.Api.Timeout);
        var done = await Task.WhenAny(invocation.Outcome, process.Exited, timeout);
        double durationMs = clock.Elapsed.TotalMilliseconds;
        SamplePeakRss(process);
        InvocationOutcome outcome;
        if (invocation.Outcome.IsCompleted)
        {
            outcome = invocation.Outcome.Result;
            if (outcome.IsError == false && invocation.ResponseTooLarge)
                outcome = TooLarge();
        }
        else if (done == timeout)
        {
            outcome = InvocationOutcome.Error("Sandbox.Timedout",
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {_options.Api.Timeout.TotalSeconds:0.00} seconds");
            await StopProcessAsync();
        }
        else
        {
            outcome = invocation.ResponseTooLarge ? TooLarge() : ExitError(invocation.RequestId, process);
        }
        return Finish(invocation, outcome, durationMs, cold);
    }

    /// <summary>Settles the invocation (so a late reply is refused) and prints END and REPORT.</summary>
    private InvokeResult Finish(Invocation invocation, InvocationOutcome outcome, double durationMs, bool cold)
    {
        invocation.TryAnswer(outcome);
        var result = new InvokeResult(
            invocation.RequestId,
            outcome,
            durationMs,
            cold ? _initDurationMs ?? ElapsedSinceSpawn() : null,
            _options.MemoryMb,
            _lastPeakRssKb > 0 ? (int)Math.Ceiling(_lastPeakRssKb / 1024.0) : null);
        if (invocation.StartedAt is null)
            _output(LambdaLogLines.Start(invocation.RequestId, _options.Api.FunctionVersion), false);
        _output(LambdaLogLines.End(invocation.RequestId), false);
        _output(LambdaLogLines.Report(result), false);
        return result;
    }

    private static InvocationOutcome TooLarge() => InvocationOutcome.Error("Function.ResponseSizeTooLarge",
        $"Response payload size exceeded maximum allowed payload size ({RuntimeApiServer.MaxResponseBytes} bytes).");

    private static InvocationOutcome ExitError(string requestId, BootstrapProcess process)
    {
        int code = process.Exited.IsCompleted ? process.Exited.Result : -1;
        string status = code > 128 ? $"signal {code - 128}" : $"exit status {code}";
        return InvocationOutcome.Error("Runtime.ExitError", $"RequestId: {requestId} Error: Runtime exited with error: {status}");
    }

    private void StartProcess()
    {
        _api.ResetInitError();
        _initDurationMs = null;
        _lastPeakRssKb = 0;
        string taskRoot = Path.GetDirectoryName(Path.GetFullPath(_options.BootstrapPath))!;
        var environment = LambdaEnvironment.Build(_options.Api, _api.Address, _options.Handler, _options.MemoryMb, taskRoot);
        foreach (var (name, value) in _options.Environment)
            environment[name] = value;
        _process = BootstrapProcess.Start(_options.BootstrapPath, environment, _output);
    }

    private async Task StopProcessAsync()
    {
        if (_process is { } process)
        {
            SamplePeakRss(process);
            await process.DisposeAsync();
        }
    }

    /// <summary>Init ends at the first <c>/next</c>, or at <c>/init/error</c>.</summary>
    private void OnInitEnded()
    {
        if (_initDurationMs is null && _process is { HasExited: false })
        {
            _initDurationMs = ElapsedSinceSpawn();
            SamplePeakRss(_process);
        }
    }

    private void OnInvocationStarted(Invocation invocation)
    {
        _output(LambdaLogLines.Start(invocation.RequestId, _options.Api.FunctionVersion), false);
    }

    private double ElapsedSinceSpawn() => _process is null ? 0 : Stopwatch.GetElapsedTime(_process.SpawnedAt).TotalMilliseconds;

    private void SamplePeakRss(BootstrapProcess process)
    {
        if (process.PeakRssKb() is long kb && kb > _lastPeakRssKb)
            _lastPeakRssKb = kb;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await StopProcessAsync();
        await _api.DisposeAsync();
        await _dispatcher.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
