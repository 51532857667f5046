using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.Emulator.RuntimeApi;

/// <summary>
/// The Lambda Runtime API on Kestrel, at 127.0.0.1: <c>/next</c> hands out queued invocations (blocking until
/// there is one), <c>/response</c> and <c>/error</c> answer them once, <c>/init/error</c> fails the cold start.
/// Status codes and error bodies follow real Lambda. A response may be streamed (chunked, with error trailers),
/// and a reply that carries another invocation id than <c>/next</c> gave, or comes after a timeout, gets 410.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
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
    private LoopbackServer _host = null!;
    private readonly Channel<Invocation> _queue = Channel.CreateUnbounded<Invocation>();
    // Every invocation handed out, by request id; answered ones stay so a second reply is refused, not accepted.
    private readonly ConcurrentDictionary<string, Invocation> _handedOut = new();
    // Settled invocations shrink to what a late reply needs to be refused correctly (403 or 410), and only the most
    // recent are kept: a long-running emulator does not hold every payload and response it ever served.
    private const int SettledKept = 10_000;
    // Init ends at the current process's first /next: registering extensions and /init/error are over then.
    private volatile bool _initEnded;
    private readonly ConcurrentDictionary<string, SettledInvocation> _settled = new();
    private readonly ConcurrentQueue<string> _settledOrder = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private TaskCompletionSource<InvocationOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RuntimeApiServer(RuntimeApiOptions options)
    {
        _options = options;
        Extensions = new ExtensionsApi(options, () => _initEnded);
    }

    public RuntimeApiOptions Options => _options;
    public int Port => _host.Port;
    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Completes when the function reports <c>/init/error</c> (since the last <see cref="BeginColdStart"/>).</summary>
    public Task<InvocationOutcome> InitError => _initError.Task;

    /// <summary>The Extensions API, on the same address as the Runtime API.</summary>
    public ExtensionsApi Extensions { get; }

    /// <summary>A new process is about to start cold: forget the last one's init error and extensions.</summary>
    public void BeginColdStart()
    {
        if (_initError.Task.IsCompleted)
            _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _initEnded = false;
        Extensions.BeginColdStart();
    }

    /// <summary>Raised as each <c>/next</c> arrives (the first one marks the end of init).</summary>
    public event Action? NextRequested;

    /// <summary>Raised when the function reports <c>/init/error</c>.</summary>
    public event Action? InitErrorReported;

    /// <summary>Raised when an invocation is handed to the function.</summary>
    public event Action<Invocation>? InvocationStarted;

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>Replies refused: unknown request id (400), already answered (403), or gone (410).</summary>
    public int RefusedReplies => _refusedReplies;
    private int _refusedReplies;

    public static async Task<RuntimeApiServer> StartAsync(RuntimeApiOptions options, CancellationToken cancellationToken = default)
    {
        var server = new RuntimeApiServer(options);
        server._host = await LoopbackServer.StartAsync(options.Port, limits =>
        {
            limits.MaxRequestBodySize = MaxRequestBodyBytes;
            limits.KeepAliveTimeout = TimeSpan.FromHours(1);
            limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        }, server.HandleAsync, cancellationToken);
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
    public Invocation Enqueue(byte[] payload, InvokeOptions? options = null)
    {
        var invocation = new Invocation(TraceIds.NewRequestId(), payload, options ?? InvokeOptions.None);
        _queue.Writer.TryWrite(invocation);
        return invocation;
    }

    /// <summary>Queues an event and waits for its outcome.</summary>
    public Task<InvocationOutcome> InvokeAsync(byte[] payload, InvokeOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Outcome.WaitAsync(cancellationToken);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        byte[] body = [];
        // A streamed response is read as it arrives, once the reply is known to be wanted; anything else first, whole.
        if (HttpMethods.IsPost(request.Method) && !IsStreamedResponse(request))
            body = await ReadBodyAsync(request, context.RequestAborted);
        try
        {
            if (_options.Intercept is { } intercept && await intercept(context))
                return;
            await RouteAsync(context, body);
        }
        finally
        {
            if (_options.RecordRequests)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var header in request.Headers)
                    headers[header.Key] = header.Value.ToString();
                if (context.Items[typeof(ResponseStream)] is ResponseStream streamed)
                    body = streamed.ToArray();
                Dictionary<string, string>? trailers = null;
                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestTrailersFeature>() is { Available: true } feature)
                {
                    trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var trailer in feature.Trailers)
                        trailers[trailer.Key] = trailer.Value.ToString();
                }
                _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", headers, body, context.Response.StatusCode, trailers));
            }
        }
    }

    private async Task RouteAsync(HttpContext context, byte[] body)
    {
        string path = context.Request.Path.Value ?? "";
        bool post = HttpMethods.IsPost(context.Request.Method);
        const string invocationPrefix = ApiVersion + "/runtime/invocation/";

        if (path == invocationPrefix + "next" && HttpMethods.IsGet(context.Request.Method))
        {
            await NextAsync(context);
        }
        else if (path.StartsWith(ExtensionsApi.Prefix, StringComparison.Ordinal))
        {
            await Extensions.HandleAsync(context, body);
        }
        else if (post && path == ApiVersion + "/runtime/init/error" && _initEnded)
        {
            await WriteErrorAsync(context, 403, "InvalidStateTransition", "init has ended (the runtime already asked for an event): report errors per invocation");
        }
        else if (post && path == ApiVersion + "/runtime/init/error")
        {
            _initError.TrySetResult(InvocationOutcome.Error(ErrorTypeOf(context.Request), body));
            InitErrorReported?.Invoke();
            await WriteJsonAsync(context, 202, "{\"status\":\"OK\"}");
        }
        else if (post && path.StartsWith(invocationPrefix, StringComparison.Ordinal) && path.EndsWith("/response", StringComparison.Ordinal))
        {
            await ReplyAsync(context, Uri.UnescapeDataString(path[invocationPrefix.Length..^"/response".Length]), body, isError: false);
        }
        else if (post && path.StartsWith(invocationPrefix, StringComparison.Ordinal) && path.EndsWith("/error", StringComparison.Ordinal))
        {
            await ReplyAsync(context, Uri.UnescapeDataString(path[invocationPrefix.Length..^"/error".Length]), body, isError: true);
        }
        else
        {
            await WriteErrorAsync(context, 404, "UnknownEndpoint", $"No Runtime API endpoint {context.Request.Method} {path}");
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        _initEnded = true;
        NextRequested?.Invoke();
        Invocation invocation;
        try
        {
            // Skip invocations that were settled while queued (abandoned after a crash or timeout).
            do
            {
                invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
            }
            while (invocation.IsAnswered);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return; // the function went away while waiting, or the server is stopping
        }

        invocation.TraceId = invocation.Options.TraceId ?? TraceIds.NewTraceHeader();
        _handedOut[invocation.RequestId] = invocation;
        _ = invocation.Outcome.ContinueWith(_ => Settle(invocation), TaskContinuationOptions.ExecuteSynchronously);
        invocation.MarkStarted(DateTimeOffset.UtcNow, _options.Timeout);
        InvocationStarted?.Invoke(invocation);

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers[Header("Aws-Request-Id")] = invocation.RequestId;
        response.Headers[Header("Invocation-Id")] = invocation.InvocationId;
        response.Headers[Header("Deadline-Ms")] = invocation.Deadline.ToUnixTimeMilliseconds().ToString();
        response.Headers[Header("Invoked-Function-Arn")] = _options.FunctionArn;
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

    private void Settle(Invocation invocation)
    {
        _settled[invocation.RequestId] = new SettledInvocation(invocation.InvocationId, invocation.IsTimedOut);
        _settledOrder.Enqueue(invocation.RequestId);
        _handedOut.TryRemove(invocation.RequestId, out _);
        while (_settledOrder.Count > SettledKept && _settledOrder.TryDequeue(out string? oldest))
            _settled.TryRemove(oldest, out _);
    }

    private async Task ReplyAsync(HttpContext context, string requestId, byte[] body, bool isError)
    {
        if (!_handedOut.TryGetValue(requestId, out var invocation))
        {
            if (_settled.TryGetValue(requestId, out var settled))
            {
                await RefuseLateAsync(context, requestId, settled);
                return;
            }
            Interlocked.Increment(ref _refusedReplies);
            await WriteErrorAsync(context, 400, "InvalidRequestID", $"Invalid request ID: {requestId}");
            return;
        }
        if (GoneReason(context.Request, invocation) is { } gone)
        {
            await RefuseGoneAsync(context, gone);
            return;
        }
        if (invocation.IsAnswered || (!isError && invocation.IsStreamed))
        {
            // A streamed response cannot be taken back: after one, only an error report may still settle it.
            await RefuseSettledAsync(context, invocation);
            return;
        }
        if (!isError && IsStreamedResponse(context.Request))
        {
            await StreamReplyAsync(context, invocation);
            return;
        }
        if (!isError && body.Length > MaxResponseBytes)
        {
            // The function may still report the error itself; otherwise the invoker sees it as too large.
            invocation.ResponseTooLarge = true;
            await WriteErrorAsync(context, 413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxResponseBytes} bytes).");
            return;
        }
        var outcome = isError ? ErrorReport(context.Request, body) : InvocationOutcome.Response(body);
        if (!invocation.TryAnswer(outcome))
        {
            await RefuseSettledAsync(context, invocation);
            return;
        }
        await WriteJsonAsync(context, 202, "{\"status\":\"OK\"}");
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

    /// <summary>Reads a streamed response into the invocation, then settles it from how the stream ended.</summary>
    private async Task StreamReplyAsync(HttpContext context, Invocation invocation)
    {
        var stream = invocation.BeginStream(context.Request.ContentType is { Length: > 0 } type ? type : "application/octet-stream");
        context.Items[typeof(ResponseStream)] = stream;
        using var deadline = _options.EnforceDeadline ? new CancellationTokenSource(UntilAfter(invocation.Deadline)) : null;
        var result = await StreamedResponseReader.ReadAsync(context, invocation, _options.MaxStreamedResponseBytes, deadline?.Token ?? CancellationToken.None);
        stream.Complete();
        switch (result)
        {
            case StreamedResponseReader.Result.Ended:
                if (invocation.TryAnswer(StreamOutcome(context.Request, stream)))
                    await WriteJsonAsync(context, 202, "{\"status\":\"OK\"}");
                else
                    await RefuseSettledAsync(context, invocation);
                break;
            case StreamedResponseReader.Result.TooLarge:
                invocation.TryAnswer(InvocationOutcome.Error("Function.ResponseSizeTooLarge",
                    $"Response payload size exceeded maximum allowed payload size ({_options.MaxStreamedResponseBytes} bytes)."));
                await WriteErrorAsync(context, 413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({_options.MaxStreamedResponseBytes} bytes).");
                break;
            case StreamedResponseReader.Result.Settled:
                await RefuseSettledAsync(context, invocation);
                break;
            case StreamedResponseReader.Result.DeadlinePassed:
                await RefuseGoneAsync(context, $"Invocation {invocation.RequestId} is gone: its deadline passed while the response was streaming");
                break;
            case StreamedResponseReader.Result.Cut:
                // Nothing settles here: the runtime may still report an error, or its exit or the timeout will.
                if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
                    await WriteErrorAsync(context, 400, "InvalidStreamedResponse", $"The streamed response for {invocation.RequestId} ended early or its chunked framing is broken");
                break;
        }
    }

    /// <summary>The whole streamed body; or, when the stream ended with error trailers, the error they carry.</summary>
    private static InvocationOutcome StreamOutcome(HttpRequest request, ResponseStream stream)
    {
        if (!request.CheckTrailersAvailable() || request.GetTrailer(ErrorTypeHeader).ToString() is not { Length: > 0 } errorType)
            return InvocationOutcome.Response(stream.ToArray());
        string encoded = request.GetTrailer(ErrorBodyTrailer).ToString();
        if (encoded.Length == 0)
            return InvocationOutcome.Error(errorType, $"The function failed mid-stream and sent no {ErrorBodyTrailer} trailer.");
        try
        {
            return InvocationOutcome.Error(errorType, Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return InvocationOutcome.Error(errorType, $"The function failed mid-stream; its {ErrorBodyTrailer} trailer is not valid base64.");
        }
    }

    /// <summary>
    /// Why a reply to <paramref name="invocation"/> is for an invocation that is gone (410), or null. One that timed
    /// out is gone too: <see cref="RefuseSettledAsync"/> says so.
    /// </summary>
    private string? GoneReason(HttpRequest request, Invocation invocation)
    {
        if (request.Headers[InvocationIdHeader] is { Count: > 0 } sent && sent.ToString() != invocation.InvocationId)
            return $"Invocation {invocation.RequestId} is gone: {InvocationIdHeader} '{sent}' is not its current invocation id";
        if (_options.EnforceDeadline && !invocation.IsAnswered && DateTimeOffset.UtcNow > invocation.Deadline)
            return $"Invocation {invocation.RequestId} is gone: its deadline passed {(DateTimeOffset.UtcNow - invocation.Deadline).TotalMilliseconds:0} ms ago";
        return null;
    }

    private Task RefuseGoneAsync(HttpContext context, string reason)
    {
        Interlocked.Increment(ref _refusedReplies);
        return WriteErrorAsync(context, 410, "InvocationGone", reason);
    }

    /// <summary>A reply to an invocation that was settled and let go: the same answers as while it was held.</summary>
    private Task RefuseLateAsync(HttpContext context, string requestId, SettledInvocation settled)
    {
        if (context.Request.Headers[InvocationIdHeader] is { Count: > 0 } sent && sent.ToString() != settled.InvocationId)
            return RefuseGoneAsync(context, $"Invocation {requestId} is gone: {InvocationIdHeader} '{sent}' is not its current invocation id");
        if (settled.TimedOut)
            return RefuseGoneAsync(context, $"Invocation {requestId} is gone: it timed out");
        Interlocked.Increment(ref _refusedReplies);
        return WriteErrorAsync(context, 403, "InvalidStateTransition", $"Invocation {requestId} was already answered");
    }

    private sealed record SettledInvocation(string InvocationId, bool TimedOut);

    private Task RefuseSettledAsync(HttpContext context, Invocation invocation)
    {
        if (invocation.IsTimedOut)
            return RefuseGoneAsync(context, $"Invocation {invocation.RequestId} is gone: it timed out");
        Interlocked.Increment(ref _refusedReplies);
        return WriteErrorAsync(context, 403, "InvalidStateTransition", invocation.IsAnswered
            ? $"Invocation {invocation.RequestId} was already answered"
            : $"Invocation {invocation.RequestId} already has a streamed response; only an error report may follow it");
    }

    private static bool IsStreamedResponse(HttpRequest request) =>
        string.Equals(request.Headers[ResponseModeHeader].ToString(), "streaming", StringComparison.OrdinalIgnoreCase)
        && (request.Path.Value ?? "").EndsWith("/response", StringComparison.Ordinal);

    /// <summary>
    /// A delay that ends after <paramref name="deadline"/>, never before it: timers run on a coarse clock (one kernel
    /// tick, up to 10 ms on Linux) and can fire that much early, so this waits a little longer than that.
    /// </summary>
    private static TimeSpan UntilAfter(DateTimeOffset deadline) =>
        Max(deadline - DateTimeOffset.UtcNow, TimeSpan.Zero) + TimeSpan.FromMilliseconds(20);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
        _queue.Writer.TryComplete();
        await _host.DisposeAsync();
    }
}
