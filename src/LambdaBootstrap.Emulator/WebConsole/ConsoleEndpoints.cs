using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.InvokeApi;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.XRay;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The web console, served beside the Invoke API on its port: the page at <c>GET /</c>, and its API under
/// <c>/console/api/</c> (every call with this run's token, see <see cref="RequestGuard"/>):
/// <list type="bullet">
/// <item><c>GET functions</c>: each function with its settings and state;</item>
/// <item><c>GET samples</c>, <c>GET samples?id=</c>: the sample events, and one's text;</item>
/// <item><c>GET history</c>: this run's invocations;</item>
/// <item><c>GET async</c>: the latest asynchronous invocations, their attempts and where they ended;</item>
/// <item><c>GET live?token=</c>: Server-Sent Events: <c>log</c> lines, finished <c>invocation</c>s, function <c>state</c>s,
/// <c>async</c> invocations attempted or ended;</item>
/// <item><c>GET metrics</c>: the EMF metric values the functions printed in this run;</item>
/// <item><c>GET traces/{requestId}</c>: an invocation's X-Ray trace, as a segment document;</item>
/// <item><c>GET live?token=</c>: Server-Sent Events: <c>log</c> lines, finished <c>invocation</c>s, function <c>state</c>s,
/// <c>metric</c> values, and <c>trace</c> when an invocation's trace is whole;</item>
/// <item><c>POST functions/{name}/cold-start</c>: stop the warm process, so the next invoke starts cold.</item>
/// </list>
/// The page invokes through the Invoke API itself, as any client does.
/// </summary>
internal sealed class ConsoleEndpoints : IDisposable
{
    public const string ApiPrefix = "/console/api/";

    private readonly IReadOnlyDictionary<string, LocalFunction> _byName;
    private readonly IReadOnlyList<Served> _functions;
    private readonly ConsolePage _page;
    private readonly SampleEvents _samples;
    private readonly InvocationHistory _history = new();
    private readonly MetricHistory _metrics = new();
    private readonly LiveFeed _feed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Action> _unsubscribe = [];

    public ConsoleEndpoints(IReadOnlyDictionary<string, LocalFunction> functions, IReadOnlyList<string> eventFolders)
    {
        _byName = functions;
        _functions = functions.GroupBy(f => f.Value)
            .Select(g => new Served(g.Key, g.Key.Options.Api.FunctionName,
                [.. g.Select(f => f.Key).Where(n => n != g.Key.Options.Api.FunctionName).Order(StringComparer.Ordinal)]))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        _page = new ConsolePage(Guard.Token);
        _samples = new SampleEvents([.. eventFolders.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(f))).Distinct()]);
        foreach (var served in _functions)
            Follow(served);
    }

    public RequestGuard Guard { get; } = new();

    /// <summary>A function, once, with the name it runs under and the other names it is served by.</summary>
    private sealed record Served(LocalFunction Function, string Name, string[] Aliases);

    private void Follow(Served served)
    {
        var (function, name) = (served.Function, served.Name);
        Action<FunctionLogLine> line = l =>
        {
            Publish("log", () => new LogLineView(name, l.RequestId, l.IsError, l.Text, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ConsoleJson.Default.LogLineView);
            foreach (var point in _metrics.Add(name, l))
                Publish("metric", () => point, ConsoleJson.Default.MetricView);
        };
        Action<InvocationTrace> traced = t => Publish("trace", () => new TraceReady(name, t.RequestId), ConsoleJson.Default.TraceReady);
        Action<Invocation, InvokeResult> finished = (invocation, result) =>
        {
            var entry = _history.Add(name, invocation, result);
            Publish("invocation", () => entry, ConsoleJson.Default.HistoryEntry);
        };
        Action state = () => Publish("state", () => View(served), ConsoleJson.Default.FunctionView);
        Action<Async.AsyncEvent> asyncChanged = e => Publish("async", () => View(name, e), ConsoleJson.Default.AsyncView);
        function.LineLogged += line;
        function.InvocationFinished += finished;
        function.StateChanged += state;
        function.Events.Changed += asyncChanged;
        function.Traces.Recorded += traced;
        _unsubscribe.Add(() =>
        {
            function.Traces.Recorded -= traced;
            function.LineLogged -= line;
            function.InvocationFinished -= finished;
            function.StateChanged -= state;
            function.Events.Changed -= asyncChanged;
        });
    }

    // Nothing is made while no page is open: the emulator under load pays next to nothing for the console.
    private void Publish<T>(string eventName, Func<T> value, JsonTypeInfo<T> type)
    {
        if (_feed.HasSubscribers)
            _feed.Publish(eventName, JsonSerializer.Serialize(value(), type));
    }

    /// <summary>Answers the console's requests; false for any other request (the Invoke API's).</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var request = context.Request;
        string path = request.Path.Value ?? "";
        bool get = HttpMethods.IsGet(request.Method);
        if (get && path == "/favicon.ico")
        {
            context.Response.StatusCode = 204;
            return true;
        }
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
            return get && await _page.TryServeAsync(context);

        string[] route = path[ApiPrefix.Length..].Split('/');
        if (!Guard.HasToken(request, queryAllowed: get && route is ["live"]))
        {
            await InvokeApiErrors.Forbidden(context, "MissingConsoleToken",
                $"The console's API needs this run's token in {RequestGuard.TokenHeader}: open the console page the emulator printed at start");
            return true;
        }
        switch (get, route)
        {
            case (true, ["functions"]):
                await WriteJsonAsync(context, _functions.Select(View).ToList(), ConsoleJson.Default.IReadOnlyListFunctionView);
                break;
            case (true, ["samples"]) when request.Query["id"].Count == 0:
                await WriteJsonAsync(context, _samples.List(), ConsoleJson.Default.IReadOnlyListSampleView);
                break;
            case (true, ["samples"]) when _samples.Read(request.Query["id"].ToString()) is { } text:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(text, context.RequestAborted);
                break;
            case (true, ["history"]):
                await WriteJsonAsync(context, _history.Snapshot(), ConsoleJson.Default.IReadOnlyListHistoryEntry);
                break;
            case (true, ["async"]):
                await WriteJsonAsync(context, _functions.SelectMany(f => f.Function.Events.Recent.Select(e => View(f.Name, e)))
                    .OrderBy(v => v.ReceivedAt).ToList(), ConsoleJson.Default.IReadOnlyListAsyncView);
                break;
            case (true, ["metrics"]):
                await WriteJsonAsync(context, _metrics.Snapshot(), ConsoleJson.Default.IReadOnlyListMetricView);
                break;
            case (true, ["traces", var requestId]) when _functions.Select(f => f.Function.Traces.Find(requestId)).FirstOrDefault(t => t is not null) is { } trace:
                await WriteTraceAsync(context, trace);
                break;
            case (true, ["live"]):
                await _feed.ServeAsync(context, _stopping.Token);
                break;
            case (false, ["functions", var name, "cold-start"]) when HttpMethods.IsPost(request.Method) && _byName.TryGetValue(Uri.UnescapeDataString(name), out var function):
                await function.ForceColdStartAsync();
                context.Response.StatusCode = 204;
                break;
            default:
                await InvokeApiErrors.UnknownOperation(context, $"No console endpoint {request.Method} {path}");
                break;
        }
        return true;
    }

    private static FunctionView View(Served served)
    {
        var function = served.Function;
        var architecture = ArchitectureOf(function.BootstrapPath);
        return new FunctionView(served.Name, served.Aliases, function.Options.Handler, function.Options.MemoryMb, function.Options.Api.Timeout.TotalSeconds,
            architecture?.LambdaName() ?? "unknown", architecture is not null && architecture != ElfMachine.OfThisMachine(),
            function.State.ToString().ToLowerInvariant(), function.QueuedInvokes);
    }

    private static AsyncView View(string function, Async.AsyncEvent asyncEvent) =>
        new(function, asyncEvent.RequestId, asyncEvent.ReceivedAt, asyncEvent.Condition.ToString(),
            [.. asyncEvent.Attempts.Select(a => a.ErrorType)], asyncEvent.DeliveredTo);

    // A watched project's build may be half-written or gone for a moment.
    private static LambdaArchitecture? ArchitectureOf(string bootstrapPath)
    {
        try
        {
            return ElfMachine.Read(bootstrapPath);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, type);
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private static async Task WriteTraceAsync(HttpContext context, InvocationTrace trace)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            trace.WriteTo(writer);
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>Ends the live feeds (so the server can stop) and stops following the functions.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var unsubscribe in _unsubscribe)
            unsubscribe();
        _unsubscribe.Clear();
    }
}
