using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.InvokeApi;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.WebConsole;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// Lambda's Invoke API on 127.0.0.1, for the functions it was given, by name (a function name, a partial or full
/// ARN, with or without a qualifier, as Lambda takes them):
/// <list type="bullet">
/// <item><c>POST /2015-03-31/functions/{name}/invocations</c>, Invoke. A function error answers 200 with
/// <c>X-Amz-Function-Error: Unhandled</c> and the error JSON; <c>X-Amz-Invocation-Type: Event</c> answers 202 at once;
/// <c>X-Amz-Log-Type: Tail</c> adds <c>X-Amz-Log-Result</c>. A streamed response comes back whole.</item>
/// <item><c>POST /2021-11-15/functions/{name}/response-streaming-invocations</c>, InvokeWithResponseStream, in
/// Lambda's event-stream framing (<see cref="EventStreamRelay"/>).</item>
/// <item><c>POST /2015-03-31/functions/{name}/response-streaming-invocations</c>, the same body as plain HTTP chunks
/// (<see cref="RawStreamRelay"/>), for curl.</item>
/// </list>
/// Its own errors have Lambda's shapes (<see cref="InvokeApiErrors"/>): an unknown function is 404
/// ResourceNotFoundException, a payload that is not JSON 400, one too large 413, a full queue 429.
/// <para>The same port serves the web console at <c>GET /</c> (<see cref="ConsoleEndpoints"/>). A browser's request
/// from a page of another origin is refused (403), and so is a browser's invoke without the console's token
/// (<see cref="RequestGuard"/>); SDKs, the AWS CLI and curl are served as they always were.</para>
/// </summary>
internal sealed class InvokeServer : IAsyncDisposable
{
    /// <summary>Lambda's request payload limits: synchronous and asynchronous invokes.</summary>
    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;
    public const int MaxAsyncPayloadBytes = 1024 * 1024;

    private LoopbackServer _host = null!;
    private readonly Dictionary<string, LocalFunction> _functions;
    private readonly Action<string, bool> _output;
    private readonly ConsoleEndpoints _console;

    private InvokeServer(IReadOnlyDictionary<string, LocalFunction> functions, Action<string, bool> output, IReadOnlyList<string> eventFolders)
    {
        _functions = new Dictionary<string, LocalFunction>(functions, StringComparer.Ordinal);
        _output = output;
        _console = new ConsoleEndpoints(_functions, eventFolders);
    }

    public int Port => _host.Port;

    /// <summary>The web console's address: open it in a browser on this machine.</summary>
    public string ConsoleUrl => $"http://127.0.0.1:{Port}/";

    public static Task<InvokeServer> StartAsync(LocalFunction function, int port, Action<string, bool> output) =>
        StartAsync([function], port, output);

    /// <summary>Serves <paramref name="functions"/>, each by its <see cref="RuntimeApiOptions.FunctionName"/>.</summary>
    public static Task<InvokeServer> StartAsync(IReadOnlyList<LocalFunction> functions, int port, Action<string, bool> output) =>
        StartAsync(functions.ToDictionary(f => f.Options.Api.FunctionName, StringComparer.Ordinal), port, output);

    /// <summary>
    /// Serves each function by the names it is given under (a template's function: its logical id and its
    /// FunctionName). The console offers the JSON files of <paramref name="eventFolders"/> (default: <c>events</c>).
    /// </summary>
    public static async Task<InvokeServer> StartAsync(IReadOnlyDictionary<string, LocalFunction> functions, int port, Action<string, bool> output,
        IReadOnlyList<string>? eventFolders = null)
    {
        var server = new InvokeServer(functions, output, eventFolders ?? ["events"]);
        try
        {
            server._host = await LoopbackServer.StartAsync(port, limits => limits.MaxRequestBodySize = MaxSyncPayloadBytes + 1, server.HandleAsync);
        }
        catch
        {
            server._console.Dispose();
            throw;
        }
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (RequestGuard.CrossOriginProblem(request) is { } crossOrigin)
        {
            await InvokeApiErrors.Forbidden(context, "CrossOriginRequest", crossOrigin);
            return;
        }
        if (await _console.TryHandleAsync(context))
            return;
        if (RequestGuard.IsFromBrowser(request) && !_console.Guard.HasToken(request))
        {
            await InvokeApiErrors.Forbidden(context, "MissingConsoleToken",
                $"An invoke from a browser needs this run's token in {RequestGuard.TokenHeader}: use the console page the emulator printed at start");
            return;
        }
        var route = InvokeRoute.Parse(request.Method, request.Path.Value ?? "", request.Query["Qualifier"].ToString());
        if (route.Endpoint == InvokeEndpoint.Unknown)
        {
            await InvokeApiErrors.UnknownOperation(context, $"No invoke endpoint {request.Method} {request.Path}; use POST /2015-03-31/functions/NAME/invocations or /2021-11-15/functions/NAME/response-streaming-invocations");
            return;
        }
        if (!_functions.TryGetValue(route.FunctionName, out var function))
        {
            string arn = new RuntimeApiOptions { FunctionName = route.FunctionName }.FunctionArn;
            await InvokeApiErrors.ResourceNotFound(context, route.Qualifier is { } q ? $"{arn}:{q}" : arn);
            return;
        }
        if (route.Problem is { } problem)
        {
            await InvokeApiErrors.InvalidParameterValue(context, problem);
            return;
        }

        bool streaming = route.Endpoint != InvokeEndpoint.Invoke;
        string type = request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } t ? t : "RequestResponse";
        if (type is not ("RequestResponse" or "Event" or "DryRun") || (streaming && type == "Event"))
        {
            string allowed = streaming ? "RequestResponse or DryRun for a response streaming invoke" : "RequestResponse, Event or DryRun";
            await InvokeApiErrors.InvalidParameterValue(context, $"X-Amz-Invocation-Type must be {allowed}, not '{type}'");
            return;
        }
        string logType = request.Headers["X-Amz-Log-Type"].ToString();
        if (logType is not ("" or "None" or "Tail"))
        {
            await InvokeApiErrors.InvalidParameterValue(context, $"X-Amz-Log-Type must be None or Tail, not '{logType}'");
            return;
        }

        byte[]? payload = await ReadPayloadAsync(context, type);
        if (payload is null)
            return;
        if (type == "RequestResponse" && JsonProblem(payload) is { } notJson)
        {
            await InvokeApiErrors.InvalidRequestContent(context, $"Could not parse request body into json: {notJson}");
            return;
        }
        string? clientContext = null;
        if (request.Headers["X-Amz-Client-Context"].ToString() is { Length: > 0 } encoded && (clientContext = DecodeClientContext(encoded)) is null)
        {
            await InvokeApiErrors.InvalidRequestContent(context, "Client context must be a valid Base64-encoded JSON object.");
            return;
        }

        if (type == "DryRun")
        {
            context.Response.StatusCode = 204;
            return;
        }
        bool tail = logType == "Tail" && type == "RequestResponse";
        var options = new InvokeOptions
        {
            ClientContext = clientContext,
            Qualifier = route.Qualifier,
            TenantId = request.Headers["X-Amz-Tenant-Id"].ToString() is { Length: > 0 } tenant ? tenant : null,
            // A caller's trace header passes as it is: Sampled=0 leaves the invocation untraced, as on Lambda.
            TraceId = request.Headers["X-Amzn-Trace-Id"].ToString() is { Length: > 0 } trace ? trace : null,
            TailLog = tail,
        };
        if (type == "Event")
        {
            // Queued with its retries and destinations; the request id is the one every attempt runs under.
            context.Response.Headers["X-Amzn-RequestId"] = function.Events.Enqueue(payload, options);
            context.Response.StatusCode = 202;
            return;
        }
        var pending = function.StartInvoke(payload, options);
        if (pending.Result is { IsFaulted: true, Exception.InnerException: QueueFullException full })
        {
            await InvokeApiErrors.TooManyRequests(context, full.Message);
            return;
        }

        var call = new InvokeCall(context, pending, route.Qualifier ?? function.Options.Api.FunctionVersion, tail);
        await (route.Endpoint switch
        {
            InvokeEndpoint.EventStream => EventStreamRelay.RelayAsync(call),
            InvokeEndpoint.RawStream => RawStreamRelay.RelayAsync(call),
            _ => WriteWholeAsync(call),
        });
    }

    private static async Task WriteWholeAsync(InvokeCall call) => await call.WriteResultAsync(await call.Pending.Result);

    /// <summary>The payload, or null once a 413 is sent: Lambda's limits are 6 MB for a synchronous invoke, 1 MB for Event.</summary>
    private static async Task<byte[]?> ReadPayloadAsync(HttpContext context, string type)
    {
        bool isEvent = type == "Event";
        int limit = isEvent ? MaxAsyncPayloadBytes : MaxSyncPayloadBytes;
        string operation = isEvent ? "InvokeAsync" : "Invoke";
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length <= limit)
                return buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own limit (one byte past the synchronous one) was reached.
        }
        await InvokeApiErrors.RequestTooLarge(context, limit, operation);
        return null;
    }

    /// <summary>Why the payload is not JSON, or null when it is (or is empty, which Lambda passes on as it is).</summary>
    private static string? JsonProblem(byte[] payload)
    {
        if (payload.Length == 0)
            return null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    /// <summary>The client context JSON from its base64 header, or null when it is not base64 JSON.</summary>
    private static string? DecodeClientContext(string encoded)
    {
        try
        {
            string clientContext = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            using var _ = JsonDocument.Parse(clientContext);
            return clientContext;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _console.Dispose();
        await _host.DisposeAsync();
    }
}
