using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using LambdaBootstrap.Emulator.Extensions;
using LambdaBootstrap.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// The Lambda Runtime API on Kestrel, at 127.0.0.1: <c>/next</c> hands out queued invocations (blocking until
/// there is one), <c>/response</c> and <c>/error</c> answer them once, <c>/init/error</c> fails the cold start.
/// Status codes and error bodies follow real Lambda; which reply is accepted is the <see cref="InvocationLedger"/>'s
/// call. A response may be streamed (chunked, with error trailers).
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    public const string ApiVersion = "/2018-06-01";
    /// <summary>Lambda's limit on a buffered response: 6 MiB plus 100 bytes.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024 + 100;
    /// <summary>Lambda's limit on a streamed response: 200 MiB.</summary>
    public const long DefaultMaxStreamedResponseBytes = 200L * 1024 * 1024;
    public const string InvocationIdHeader = "Lambda-Runtime-Invocation-Id";
    public const string ResponseModeHeader = "Lambda-Runtime-Function-Response-Mode";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    public const string ErrorBodyTrailer = "Lambda-Runtime-Function-Error-Body";
    private const int MaxRequestBodyBytes = 64 * 1024 * 1024;
    // Room for an X-Ray error cause (up to 64 KiB) and error trailers with a long stack trace.
    private const int MaxRequestHeadersBytes = 256 * 1024;

    private readonly RuntimeApiOptions _options;
    private readonly InvocationLedger _ledger;
    private readonly TimeProvider _time;
    private LoopbackServer _host = null!;
    // Init ends at the current process's first /next: registering extensions and /init/error are over then.
    private volatile bool _initEnded;
    // Each /next waiting for an event, with when it came (a Stopwatch timestamp: it orders events, it times nothing).
    private readonly ConcurrentDictionary<HttpContext, long> _waitingNexts = new();
    private readonly ParkedRequests _parkedNexts = new();
    // The connections seen since the last process went, and those seen before: a request on one of the latter comes
    // from a process that is gone. Its /next, read late off the socket, must not take the next process's event.
    private ConcurrentDictionary<string, byte> _connections = new();
    private ConcurrentDictionary<string, byte> _earlierConnections = new();
    private TaskCompletionSource<InvocationOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RuntimeApiServer(RuntimeApiOptions options)
    {
        _options = options;
        _ledger = new InvocationLedger(options.Timeout, options.EnforceDeadline);
        _time = options.TimeProvider;
        Extensions = new ExtensionsApi(options, () => _initEnded);
        Telemetry = new TelemetryApi(Extensions, options.TimeProvider);
    }

    public RuntimeApiOptions Options => _options;
    public int Port => _host.Port;
    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Completes when the function reports <c>/init/error</c> (since the last <see cref="BeginColdStart"/>).</summary>
    public Task<InvocationOutcome> InitError => _initError.Task;

    /// <summary>The Extensions API, on the same address as the Runtime API.</summary>
    public ExtensionsApi Extensions { get; }

    /// <summary>The Telemetry API, on the same address.</summary>
    public TelemetryApi Telemetry { get; }

    /// <summary>
    /// A new process is about to start cold, with the extension processes named (by file name) beside it: forget the
    /// last one's init error and extensions.
    /// </summary>
    public void BeginColdStart(IEnumerable<string>? extensionNames = null)
    {
        if (_initError.Task.IsCompleted)
            _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _initEnded = false;
        Extensions.BeginColdStart(extensionNames);
    }

    /// <summary>Raised as each <c>/next</c> arrives (the first one marks the end of init).</summary>
    public event Action? NextRequested;

    /// <summary>Raised when the function reports <c>/init/error</c>.</summary>
    public event Action? InitErrorReported;

    /// <summary>Raised when an invocation is handed to the function.</summary>
    public event Action<Invocation>? InvocationStarted;

    /// <summary>Replies refused: unknown request id (400), already answered (403), too large (413), or gone (410).</summary>
    public int RefusedReplies => _refusedReplies;
    private int _refusedReplies;

    public static async Task<RuntimeApiServer> StartAsync(RuntimeApiOptions options, CancellationToken cancellationToken = default)
    {
        var server = new RuntimeApiServer(options);
        RequestDelegate handler = server.HandleAsync;
        server._host = await LoopbackServer.StartAsync(options.Port, limits =>
        {
            limits.MaxRequestBodySize = MaxRequestBodyBytes;
            limits.KeepAliveTimeout = TimeSpan.FromHours(1);
            limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        }, options.Middleware is { } middleware ? middleware(handler) : handler, cancellationToken);
        return server;
    }

    /// <summary>
    /// Serves one throwaway invocation (<c>/next</c>, then <c>/response</c>) to a client of its own, so the server's
    /// request paths are compiled before a bootstrap is timed against it: Init Duration and Duration should measure
    /// the function, not the emulator. Call it before any bootstrap starts.
    /// </summary>
    public async Task WarmUpAsync()
    {
        var invocation = Enqueue("{}"u8.ToArray());
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {ApiVersion}/runtime/invocation/next HTTP/1.1\r\nHost: {Address}\r\n\r\n"));
        await invocation.Started;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {ApiVersion}/runtime/invocation/{invocation.RequestId}/response HTTP/1.1\r\nHost: {Address}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"));
        await invocation.Outcome;
        await stream.CopyToAsync(Stream.Null);
    }

    /// <summary>Queues an event; the returned invocation's <see cref="Invocation.Outcome"/> completes when the function answers.</summary>
    public Invocation Enqueue(byte[] payload, InvokeOptions? options = null) => _ledger.Enqueue(payload, options ?? InvokeOptions.None);

    /// <summary>Queues an event and waits for its outcome.</summary>
    public Task<InvocationOutcome> InvokeAsync(byte[] payload, InvokeOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Outcome.WaitAsync(cancellationToken);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!_earlierConnections.ContainsKey(context.Connection.Id))
            _connections.TryAdd(context.Connection.Id, 0);
        var route = RuntimeApiRoute.Parse(request.Method, request.Path.Value ?? "");
        bool streamed = route.Endpoint == RuntimeApiEndpoint.Response && StreamedReply.IsStreamed(request);
        byte[] body = [];
        // A streamed response is read as it arrives, once the reply is known to be wanted; anything else first, whole.
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && !streamed)
            body = await ReadBodyAsync(request, context.RequestAborted);
        await RouteAsync(context, route, streamed, body);
    }

    /// <summary>
    /// Answers the invocation with a reply's outcome. The reply is marked accepted first (its status, and the
    /// request's <see cref="IReplyAcceptedFeature"/> told), so whoever awaits the outcome sees it accepted. False if
    /// the invocation was settled meanwhile.
    /// </summary>
    internal bool TryAnswer(HttpContext context, Invocation invocation, InvocationOutcome outcome) =>
        invocation.TryAnswer(outcome, () =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Features.Get<IReplyAcceptedFeature>()?.Accepted();
        });

    private Task RouteAsync(HttpContext context, RuntimeApiRoute route, bool streamed, byte[] body) => route.Endpoint switch
    {
        RuntimeApiEndpoint.Next => NextAsync(context),
        RuntimeApiEndpoint.Extensions => Extensions.HandleAsync(context, body),
        RuntimeApiEndpoint.Telemetry => Telemetry.HandleAsync(context, body),
        RuntimeApiEndpoint.InitError => InitErrorAsync(context, body),
        RuntimeApiEndpoint.Response or RuntimeApiEndpoint.Error => ReplyAsync(context, route, streamed, body),
        _ => WriteErrorAsync(context, 404, "UnknownEndpoint", $"No Runtime API endpoint {context.Request.Method} {context.Request.Path}"),
    };

    private async Task InitErrorAsync(HttpContext context, byte[] body)
    {
        if (_initEnded)
        {
            await WriteErrorAsync(context, 403, "InvalidStateTransition", "init has ended (the runtime already asked for an event): report errors per invocation");
            return;
        }
        _initError.TrySetResult(InvocationOutcome.Error(ErrorTypeOf(context.Request), body));
        InitErrorReported?.Invoke();
        await WriteAcceptedAsync(context);
    }

    private async Task NextAsync(HttpContext context)
    {
        if (_earlierConnections.ContainsKey(context.Connection.Id))
        {
            await WriteErrorAsync(context, 403, "InvalidStateTransition", "this connection belongs to a process the function has replaced");
            return;
        }
        _initEnded = true;
        NextRequested?.Invoke();
        Extensions.RuntimeCalledNext();
        Invocation invocation;
        _waitingNexts[context] = System.Diagnostics.Stopwatch.GetTimestamp();
        _parkedNexts.Parked();
        try
        {
            invocation = await _ledger.NextAsync(_time.GetUtcNow, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return; // the function went away while waiting, or the server is stopping
        }
        finally
        {
            _waitingNexts.TryRemove(context, out _);
            _parkedNexts.Left();
        }
        InvocationStarted?.Invoke(invocation);

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers[Header("Aws-Request-Id")] = invocation.RequestId;
        response.Headers[Header("Invocation-Id")] = invocation.InvocationId;
        response.Headers[Header("Deadline-Ms")] = invocation.Deadline.ToUnixTimeMilliseconds().ToString();
        response.Headers[Header("Invoked-Function-Arn")] = invocation.Options.Qualifier is { } qualifier ? $"{_options.FunctionArn}:{qualifier}" : _options.FunctionArn;
        if (invocation.TraceId.Length > 0)
            response.Headers[Header("Trace-Id")] = invocation.TraceId;
        if (invocation.Options.ClientContext is { } clientContext)
            response.Headers[Header("Client-Context")] = clientContext;
        if (invocation.Options.CognitoIdentity is { } identity)
            response.Headers[Header("Cognito-Identity")] = identity;
        if (invocation.Options.TenantId is { } tenant)
            response.Headers[Header("Aws-Tenant-Id")] = tenant;
        if (invocation.Payload.Length <= _options.ChunkedEventThreshold)
            response.ContentLength = invocation.Payload.Length;
        await response.Body.WriteAsync(invocation.Payload, context.RequestAborted);
    }

    private async Task ReplyAsync(HttpContext context, RuntimeApiRoute route, bool streamed, byte[] body)
    {
        bool isError = route.Endpoint == RuntimeApiEndpoint.Error;
        var verdict = Check(context, route.RequestId, isError ? ReplyKind.Error : ReplyKind.Response);
        if (!verdict.Accepted)
        {
            await RefuseAsync(context, verdict);
            return;
        }
        var invocation = verdict.Invocation!;
        if (streamed)
        {
            await StreamedReply.ReadAsync(this, context, invocation);
            return;
        }
        if (!isError && body.Length > MaxResponseBytes)
        {
            await RefuseAsync(context, _ledger.SettleTooLarge(invocation, body.Length, MaxResponseBytes));
            return;
        }
        var outcome = isError ? ErrorReport(context.Request, body) : InvocationOutcome.Response(body);
        if (TryAnswer(context, invocation, outcome))
            await WriteAcceptedAsync(context);
        else
            await RefuseAsync(context, Check(context, route.RequestId, ReplyKind.Error)); // settled meanwhile
    }

    /// <summary>The ledger's verdict on a reply to <paramref name="requestId"/> now, with the invocation id the request carries.</summary>
    internal ReplyVerdict Check(HttpContext context, string requestId, ReplyKind kind)
    {
        string? sent = context.Request.Headers[InvocationIdHeader] is { Count: > 0 } values ? values.ToString() : null;
        return _ledger.Check(requestId, sent, kind, _time.GetUtcNow());
    }

    internal InvocationLedger Ledger => _ledger;

    /// <summary>
    /// Called when a process is gone, before the next one starts. Every connection seen so far is taken as the gone
    /// process's: a <c>/next</c> read from one later is refused. Then waits, up to <paramref name="patience"/>, until no
    /// <c>/next</c> that came before <paramref name="cameBefore"/> (a Stopwatch timestamp) is still waiting. Either
    /// would take the next event and hand it to nobody.
    /// </summary>
    internal async Task UntilEarlierNextsEndAsync(long cameBefore, TimeSpan patience)
    {
        _earlierConnections = Interlocked.Exchange(ref _connections, new());
        // Waits on the socket layer, not on the function's time: the real clock, whatever the options' clock.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (_waitingNexts.Values.Any(came => came < cameBefore) && clock.Elapsed < patience)
            await Task.Delay(2);
    }

    /// <summary>Completes once at least <paramref name="count"/> <c>/next</c> requests wait for an event.</summary>
    internal Task UntilNextsWaitAsync(int count, CancellationToken cancellationToken = default) =>
        _parkedNexts.UntilAtLeastAsync(count, cancellationToken);

    internal Task RefuseAsync(HttpContext context, ReplyVerdict verdict)
    {
        Interlocked.Increment(ref _refusedReplies);
        return WriteJsonAsync(context, verdict.Status, verdict.Body);
    }

    /// <summary>An error report as the invocation's outcome, with its X-Ray cause checked when it has one.</summary>
    private static InvocationOutcome ErrorReport(HttpRequest request, byte[] body)
    {
        var outcome = InvocationOutcome.Error(ErrorTypeOf(request), body);
        if (request.Headers[XRayErrorCauseFormat.HeaderName] is not { Count: > 0 } values)
            return outcome;
        string cause = values.ToString();
        return outcome with
        {
            XRayErrorCause = cause,
            XRayErrorCauseProblem = XRayErrorCauseFormat.TryDescribe(cause, out string description) ? null : description,
        };
    }

    /// <summary>A Lambda-Runtime-* header name, in lower case when the options ask for it.</summary>
    private string Header(string suffix) =>
        _options.LowercaseHeaderNames ? "lambda-runtime-" + suffix.ToLowerInvariant() : "Lambda-Runtime-" + suffix;

    private static string ErrorTypeOf(HttpRequest request) =>
        request.Headers[ErrorTypeHeader].ToString() is { Length: > 0 } type ? type : "Unhandled";

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is long length and < MaxRequestBodyBytes ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    internal static Task WriteAcceptedAsync(HttpContext context) => WriteJsonAsync(context, 202, "{\"status\":\"OK\"}");

    internal static Task WriteErrorAsync(HttpContext context, int status, string errorType, string message) =>
        WriteJsonAsync(context, status, InvocationOutcome.ErrorJson(errorType, message));

    internal static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _ledger.Complete();
        Telemetry.EndSubscriptions();
        await _host.DisposeAsync();
    }
}
