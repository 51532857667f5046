using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime.Shutdown;

namespace LambdaBootstrap.Runtime.Handlers;

/// <summary>
/// A function's handler, made by one of the factories, each in a synchronous and an asynchronous form:
/// <list type="bullet">
/// <item><see cref="Bytes(Func{ReadOnlyMemory{byte}, ILambdaContext, ReadOnlyMemory{byte}})"/>: the event's bytes in, the response's bytes out; no JSON anywhere.</item>
/// <item><see cref="Json{TIn, TOut}(Func{TIn, ILambdaContext, TOut}, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TIn}, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TOut})"/>:
/// typed, read and written by System.Text.Json source generation.</item>
/// <item><see cref="Json{TIn, TOut}(Func{TIn, ILambdaContext, TOut})"/>: typed, for <c>[LambdaJson]</c> types, read and written by
/// the code the runtime's source generator wrote for them, with no serializer metadata.</item>
/// <item><see cref="StreamBuffered(Func{Stream, ILambdaContext, Stream})"/>: a stream in, a stream out, sent whole once it is read to its end.</item>
/// <item><see cref="Streaming(Action{ReadOnlyMemory{byte}, ResponseStream, ILambdaContext})"/>: Lambda's response streaming, sent as the handler flushes.</item>
/// </list>
/// Register a factory that returns one in a <see cref="HandlerRegistry"/>. The set of kinds is closed: only these
/// factories make handlers.
/// </summary>
public abstract partial class LambdaHandler
{
    private readonly List<ShutdownHook> _shutdownHooks = [];

    // Only this library derives handlers: the invocation loop knows every kind there is.
    private protected LambdaHandler()
    {
    }

    /// <summary>The hooks to run when Lambda shuts the environment down, in registration order.</summary>
    internal IReadOnlyList<ShutdownHook> ShutdownHooks => _shutdownHooks;

    /// <summary>
    /// Sets up graceful shutdown for this handler's hooks during init. Reached only through <c>OnShutdown</c>,
    /// so a function without hooks does not carry the signal handling and the Extensions API client at all.
    /// </summary>
    internal Action<RuntimeConfiguration, LogWriter>? EnableShutdown { get; private set; }

    /// <summary>The kind of event this handler serves, as OpenTelemetry's <c>faas.trigger</c> names it (<c>http</c>, ...); null when unknown.</summary>
    internal string? Trigger { get; private set; }

    // Made once per process, at init, and shared by every invocation loop: its first invocation is the cold start.
    private int _invoked;

    /// <summary>True once, for the first invocation to ask: the cold start, whichever loop serves it.</summary>
    internal bool TakeColdStart() => Interlocked.Exchange(ref _invoked, 1) == 0;

    /// <summary>Says which kind of event this handler serves (<see cref="Trigger"/>).</summary>
    internal LambdaHandler ForTrigger(string trigger)
    {
        Trigger = trigger;
        return this;
    }

    /// <summary>
    /// Runs <paramref name="hook"/> when Lambda shuts the execution environment down (SIGTERM), before the process exits.
    /// Hooks run in the order they were added, within <c>BOOTSTRAP_SHUTDOWN_BUDGET_MS</c> (300 ms unless set) for all of
    /// them; an exception from one is logged and the next one still runs. Use it to flush metrics or close connections.
    /// </summary>
    /// <param name="name">A name for the hook, used in the shutdown log lines.</param>
    /// <param name="hook">The work to do; it gets a logger that writes to the function's log.</param>
    /// <returns>This handler, so that hooks can be chained.</returns>
    public LambdaHandler OnShutdown(string name, Action<ILambdaLogger> hook) => AddShutdownHook(ShutdownHook.Sync(name, hook));

    /// <summary>
    /// Runs an asynchronous <paramref name="hook"/> when Lambda shuts the execution environment down (SIGTERM). Its
    /// token is cancelled when the shutdown budget (<c>BOOTSTRAP_SHUTDOWN_BUDGET_MS</c>, 300 ms unless set) runs out,
    /// after which the process exits whether or not the hook has finished.
    /// </summary>
    /// <param name="name">A name for the hook, used in the shutdown log lines.</param>
    /// <param name="hook">The work to do; it gets a logger and the token of the budget.</param>
    /// <returns>This handler, so that hooks can be chained.</returns>
    public LambdaHandler OnShutdown(string name, Func<ILambdaLogger, CancellationToken, Task> hook) => AddShutdownHook(ShutdownHook.Async(name, hook));

    private LambdaHandler AddShutdownHook(ShutdownHook hook)
    {
        _shutdownHooks.Add(hook);
        EnableShutdown ??= (config, log) => GracefulShutdown.Enable(config, _shutdownHooks, log);
        return this;
    }
}
