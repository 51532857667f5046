using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator;

/// <summary>The function the emulator runs: which bootstrap, with which handler, settings and environment.</summary>
internal sealed record FunctionOptions
{
    public required string BootstrapPath { get; init; }
    public string? Handler { get; init; }
    public int MemoryMb { get; init; } = 128;
    /// <summary>Lambda's limit for an on-demand init.</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Extra environment variables, applied over Lambda's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public RuntimeApiOptions Api { get; init; } = new();
    /// <summary>
    /// Invocations served at once (Lambda Managed Instances). Above 1 the bootstrap gets AWS_LAMBDA_MAX_CONCURRENCY;
    /// invokes beyond it queue.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;
    /// <summary>
    /// Invokes that may wait for their turn beyond those running. One more is refused at once (the Invoke API answers
    /// 429 TooManyRequestsException), so a flood of calls fails fast instead of piling up behind the timeout.
    /// </summary>
    public int MaxQueuedInvokes { get; init; } = DefaultMaxQueuedInvokes;
    public const int DefaultMaxQueuedInvokes = 100;
    /// <summary>How long a bootstrap with a registered extension gets between SIGTERM and SIGKILL (Lambda's 500 ms).</summary>
    public TimeSpan ShutdownBudget { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Retries, event age, destinations and dead-letter queue of its asynchronous invokes.</summary>
    public Async.EventInvokeConfig EventInvoke { get; init; } = Async.EventInvokeConfig.Default;
    /// <summary>
    /// External extensions to start beside the bootstrap, as Lambda starts <c>/opt/extensions/*</c>: the executables of
    /// the layers' <c>extensions/</c> folders and <c>--extension</c> paths.
    /// </summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];
    /// <summary>Lambda's whole shutdown phase for a function with an external extension: 2,000 ms.</summary>
    public TimeSpan ExternalShutdownBudget { get; init; } = TimeSpan.FromMilliseconds(2000);
    /// <summary>Also print what the Runtime API saw of each invocation: streamed responses and X-Ray error causes.</summary>
    public bool Debug { get; init; }
}
