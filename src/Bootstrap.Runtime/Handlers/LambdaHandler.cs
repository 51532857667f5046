using System.Buffers;

namespace Bootstrap.Runtime.Handlers;

/// <summary>
/// A function's handler, made by one of the factories: <see cref="Bytes(Func{ReadOnlyMemory{byte}, ILambdaContext, ReadOnlyMemory{byte}})"/>,
/// <see cref="Stream(Func{System.IO.Stream, ILambdaContext, System.IO.Stream})"/> or <c>Json</c>, each sync or async.
/// </summary>
public abstract partial class LambdaHandler
{
    private readonly List<Shutdown.ShutdownHook> _shutdownHooks = [];

    private protected LambdaHandler()
    {
    }

    /// <summary>The hooks to run when Lambda shuts the environment down, in registration order.</summary>
    public IReadOnlyList<Shutdown.ShutdownHook> ShutdownHooks => _shutdownHooks;

    /// <summary>
    /// Sets up graceful shutdown for this handler's hooks during init. Reached only through <see cref="OnShutdown(string, Action{Logging.ILambdaLogger})"/>,
    /// so a function without hooks does not carry the signal handling and the Extensions API client at all.
    /// </summary>
    internal Action<RuntimeConfiguration, Logging.LogWriter>? EnableShutdown { get; private set; }

    /// <summary>Runs <paramref name="hook"/> on SIGTERM before the process exits (within the shutdown budget).</summary>
    public LambdaHandler OnShutdown(string name, Action<Logging.ILambdaLogger> hook) => AddShutdownHook(Shutdown.ShutdownHook.Sync(name, hook));

    /// <summary>Runs an async <paramref name="hook"/> on SIGTERM; its token is cancelled when the budget runs out.</summary>
    public LambdaHandler OnShutdown(string name, Func<Logging.ILambdaLogger, CancellationToken, Task> hook) => AddShutdownHook(Shutdown.ShutdownHook.Async(name, hook));

    private LambdaHandler AddShutdownHook(Shutdown.ShutdownHook hook)
    {
        _shutdownHooks.Add(hook);
        EnableShutdown ??= (config, log) => Shutdown.GracefulShutdown.Enable(config, _shutdownHooks, log);
        return this;
    }

    /// <summary>
    /// Runs one invocation. The result is the response body: memory the handler owns, or the part of
    /// <paramref name="output"/> it wrote. Either way it is only read until the reply is sent.
    /// </summary>
    internal abstract ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> output);

    /// <summary>Bytes in, bytes out: no JSON anywhere.</summary>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, ReadOnlyMemory<byte>> handler) =>
        new BytesHandler((e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));

    /// <summary>Bytes in, bytes out, asynchronously.</summary>
    public static LambdaHandler Bytes(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<ReadOnlyMemory<byte>>> handler) =>
        new BytesHandler((e, c) => new ValueTask<ReadOnlyMemory<byte>>(handler(e, c)));

    /// <summary>A stream over the event in, a stream to send back out (read to its end, then disposed).</summary>
    public static LambdaHandler Stream(Func<System.IO.Stream, ILambdaContext, System.IO.Stream> handler) =>
        new StreamHandler((e, c) => new ValueTask<System.IO.Stream>(handler(e, c)));

    /// <summary>A stream in, a stream out, asynchronously.</summary>
    public static LambdaHandler Stream(Func<System.IO.Stream, ILambdaContext, Task<System.IO.Stream>> handler) =>
        new StreamHandler((e, c) => new ValueTask<System.IO.Stream>(handler(e, c)));
}
