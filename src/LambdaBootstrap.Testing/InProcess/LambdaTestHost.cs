using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing;

/// <summary>
/// Runs a function's handler in this process, through the runtime's own invocation loop: the same JSON, HTTP and
/// streaming adapters, error reports and log writer as the <c>bootstrap</c> on Lambda, with an in-memory Runtime API in
/// place of the socket. No publish, no process, no network: an invocation takes about a millisecond. It needs no test
/// framework.
/// <code>
/// var host = new LambdaTestHost(Function.Handlers, "greet");
/// var result = await host.InvokeAsync("""{"name":"Ada"}""");
/// Assert.Equal("""{"message":"Hello, Ada!"}""", result.ResponseText);
/// </code>
/// </summary>
/// <remarks>
/// Each invocation gets a loop and Runtime API of its own, so invocations may run at once, as they do on a function with
/// several concurrent loops. Unlike the bootstrap, the host does not set the process-wide <c>_X_AMZN_TRACE_ID</c>
/// (read <c>ILambdaContext.TraceId</c>), runs no shutdown hooks, and does not stop a handler at its deadline: the
/// handler's <c>CancellationToken</c> is cancelled then, as on Lambda, and the invocation ends when the handler returns.
/// </remarks>
public sealed class LambdaTestHost
{
    private static readonly RuntimeApiEndpoint InMemory = new("in-memory", 9001);

    private readonly LambdaHandler _handler;
    private readonly LambdaTestHostOptions _options;
    private readonly FunctionSettings _function;

    /// <summary>A host for one handler, as a factory of <see cref="LambdaHandler"/> makes it, in a function with the default configuration.</summary>
    /// <param name="handler">The handler, e.g. <c>LambdaHandler.Json(...)</c> or <c>LambdaHandler.Http(...)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public LambdaTestHost(LambdaHandler handler)
        : this(handler, new LambdaTestHostOptions())
    {
    }

    /// <summary>A host for one handler, as a factory of <see cref="LambdaHandler"/> makes it.</summary>
    /// <param name="handler">The handler, e.g. <c>LambdaHandler.Json(...)</c> or <c>LambdaHandler.Http(...)</c>.</param>
    /// <param name="options">The function's configuration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> or <paramref name="options"/> is null.</exception>
    public LambdaTestHost(LambdaHandler handler, LambdaTestHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _options = options;
        _function = new FunctionSettings(_options.FunctionName, _options.FunctionVersion, _options.MemoryLimitInMB,
            $"/aws/lambda/{_options.FunctionName}", $"{DateTime.UtcNow:yyyy/MM/dd}/[{_options.FunctionVersion}]0123456789abcdef");
    }

    /// <summary>
    /// A host for the handler named <paramref name="handlerName"/> in the function's registry, built by its factory as
    /// the bootstrap builds it during init (<c>_HANDLER</c>), in a function with the default configuration.
    /// </summary>
    /// <param name="handlers">The function's handlers, the registry its <c>Main</c> gives to <c>LambdaRuntime.Run</c>.</param>
    /// <param name="handlerName">The handler's name, as <c>_HANDLER</c> would give it.</param>
    /// <exception cref="InvalidOperationException">Init fails as it would on Lambda: no handler has that name
    /// (<c>Runtime.HandlerNotFound</c>), or its factory throws (<c>Runtime.InitError</c>). The message is the init error.</exception>
    public LambdaTestHost(HandlerRegistry handlers, string handlerName)
        : this(handlers, handlerName, new LambdaTestHostOptions())
    {
    }

    /// <summary>
    /// A host for the handler named <paramref name="handlerName"/> in the function's registry, built by its factory as
    /// the bootstrap builds it during init (<c>_HANDLER</c>).
    /// </summary>
    /// <param name="handlers">The function's handlers, the registry its <c>Main</c> gives to <c>LambdaRuntime.Run</c>.</param>
    /// <param name="handlerName">The handler's name, as <c>_HANDLER</c> would give it.</param>
    /// <param name="options">The function's configuration.</param>
    /// <exception cref="InvalidOperationException">Init fails as it would on Lambda: no handler has that name
    /// (<c>Runtime.HandlerNotFound</c>), or its factory throws (<c>Runtime.InitError</c>). The message is the init error.</exception>
    public LambdaTestHost(HandlerRegistry handlers, string handlerName, LambdaTestHostOptions options)
        : this(Initialize(handlers, handlerName), options)
    {
    }

    private static LambdaHandler Initialize(HandlerRegistry handlers, string handlerName)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return LambdaRuntime.TryInitialize(handlers, handlerName, out var handler, out var error)
            ? handler
            : throw new InvalidOperationException(error.ToString());
    }

    /// <inheritdoc cref="InvokeAsync(ReadOnlyMemory{byte}, TestInvocationOptions)"/>
    public Task<TestInvocation> InvokeAsync(ReadOnlyMemory<byte> @event) => InvokeAsync(@event, new TestInvocationOptions());

    /// <inheritdoc cref="InvokeAsync(string, TestInvocationOptions)"/>
    public Task<TestInvocation> InvokeAsync(string @event) => InvokeAsync(@event, new TestInvocationOptions());

    /// <inheritdoc cref="InvokeAsync{T}(T, JsonTypeInfo{T}, TestInvocationOptions)"/>
    public Task<TestInvocation> InvokeAsync<T>(T @event, JsonTypeInfo<T> type) => InvokeAsync(@event, type, new TestInvocationOptions());

    /// <inheritdoc cref="InvokeHttpAsync(HttpRequestMessage, HttpEventFormat, TestInvocationOptions)"/>
    public Task<TestInvocation> InvokeHttpAsync(HttpRequestMessage request, HttpEventFormat format) =>
        InvokeHttpAsync(request, format, new TestInvocationOptions());

    /// <summary>Invokes the handler with an event's bytes, as they would arrive from Lambda.</summary>
    /// <param name="event">The event: JSON for most triggers, any bytes for a bytes or streaming handler.</param>
    /// <param name="options">The invocation's request id, deadline, client context and identity; unset ones get defaults.</param>
    /// <returns>The invocation: response or error report, streamed chunks and log lines.</returns>
    public Task<TestInvocation> InvokeAsync(ReadOnlyMemory<byte> @event, TestInvocationOptions options) =>
        RunAsync(@event.ToArray(), options, format: null, requestId: null);

    /// <summary>Invokes the handler with an event given as text (JSON), sent as UTF-8.</summary>
    /// <param name="event">The event, e.g. <c>{"name":"Ada"}</c>.</param>
    /// <param name="options">The invocation's request id, deadline, client context and identity; unset ones get defaults.</param>
    /// <returns>The invocation: response or error report, streamed chunks and log lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public Task<TestInvocation> InvokeAsync(string @event, TestInvocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return RunAsync(Encoding.UTF8.GetBytes(@event), options, format: null, requestId: null);
    }

    /// <summary>Invokes the handler with a typed event, written as JSON through source-generated metadata.</summary>
    /// <typeparam name="T">The event's type, e.g. <c>SqsEvent</c>.</typeparam>
    /// <param name="event">The event.</param>
    /// <param name="type">The metadata for <typeparamref name="T"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <param name="options">The invocation's request id, deadline, client context and identity; unset ones get defaults.</param>
    /// <returns>The invocation: response or error report, streamed chunks and log lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public Task<TestInvocation> InvokeAsync<T>(T @event, JsonTypeInfo<T> type, TestInvocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        return RunAsync(JsonSerializer.SerializeToUtf8Bytes(@event, type), options, format: null, requestId: null);
    }

    /// <summary>
    /// Invokes an HTTP handler with an HTTP request, made into the event of the given front door (as
    /// <c>lambda-emulator --http-port</c> makes it), and reads the handler's answer as that front door would:
    /// see <see cref="TestInvocation.HttpResponse"/>. Works for buffered and streaming handlers.
    /// </summary>
    /// <param name="request">The request: method, URI (a relative one is on <c>https://localhost</c>), headers (a
    /// <c>Cookie</c> header too) and content.</param>
    /// <param name="format">The front door: API Gateway REST (payload 1.0), HTTP API (2.0), a Function URL or an ALB.</param>
    /// <param name="options">The invocation's request id, deadline, client context and identity; unset ones get defaults.</param>
    /// <returns>The invocation, with <see cref="TestInvocation.HttpResponse"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public async Task<TestInvocation> InvokeHttpAsync(HttpRequestMessage request, HttpEventFormat format, TestInvocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        string requestId = options.RequestId ?? Guid.NewGuid().ToString();
        byte[] @event = await HttpFrontDoorMapping.BuildEventAsync(format, request, requestId).ConfigureAwait(false);
        return await RunAsync(@event, options, format, requestId).ConfigureAwait(false);
    }

    // The loop blocks its thread while it waits for an asynchronous handler, as in the bootstrap: not the caller's.
    private Task<TestInvocation> RunAsync(byte[] @event, TestInvocationOptions options, HttpEventFormat? format, string? requestId) =>
        Task.Run(() => Run(@event, options, format, requestId));

    private TestInvocation Run(byte[] @event, TestInvocationOptions options, HttpEventFormat? format, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(options);
        requestId ??= options.RequestId ?? Guid.NewGuid().ToString();
        var invocation = new PendingInvocation(requestId, @event,
            DateTimeOffset.UtcNow + (options.Timeout ?? _options.Timeout),
            options.InvokedFunctionArn ?? $"arn:aws:lambda:us-east-1:123456789012:function:{_options.FunctionName}",
            options.TraceId, options.ClientContext, options.Identity, options.TenantId);
        var api = new InMemoryRuntimeApi(invocation);
        var log = new CapturedLog();
        var writer = new LogWriter(log, _options.JsonLogFormat ? LogFormat.Json : LogFormat.Text, _options.LogLevel)
        {
            Powertools = PowertoolsLogging.Read(_function, Environment.GetEnvironmentVariable, warnings: []),
        };
        using var client = new RuntimeApiClient(new HttpConnection(InMemory, LambdaRuntime.UserAgent, api), writer);
        var clock = Stopwatch.StartNew();
        new InvocationLoop(client, _handler, _function, writer, setTraceEnvironment: false).RunOnce();
        clock.Stop();
        if (!api.Reply.Replied)
            throw new InvalidOperationException("the runtime ended the invocation without replying");
        TestHttpResponse? http = null;
        string? problem = "not an HTTP invocation: use InvokeHttpAsync";
        if (format is { } front)
            http = HttpFrontDoorMapping.ReadResponse(front, api.Reply, out problem);
        return new TestInvocation(requestId, api.Reply, log.Lines, clock.Elapsed, http, problem);
    }
}
