using System.Collections.Concurrent;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// The Extensions API, on the Runtime API's address: <c>register</c>, <c>event/next</c> (INVOKE and SHUTDOWN events),
/// <c>init/error</c> and <c>exit/error</c>. Keeps what Lambda's phases need to know: init is complete once the runtime
/// and every registered extension have called next (and every extension process started has registered); the invoke
/// phase once each has called next again after its INVOKE event. Internal extensions (threads of the runtime, like
/// the runtime library's shutdown hooks) register here too; external ones are the processes the emulator started.
/// </summary>
internal sealed class ExtensionsApi
{
    public const string Prefix = "/2020-01-01/extension/";
    public const string NameHeader = "Lambda-Extension-Name";
    public const string IdentifierHeader = "Lambda-Extension-Identifier";
    public const string ErrorTypeHeader = "Lambda-Extension-Function-Error-Type";
    /// <summary>Lambda's limit on the extensions of a function.</summary>
    public const int MaxExtensions = 10;

    private readonly RuntimeApiOptions _options;
    private readonly Func<bool> _runtimeCalledNext;
    private readonly ConcurrentDictionary<string, RegisteredExtension> _registered = new();
    private readonly ParkedRequests _parked = new();
    // The file names of the extension processes started for the current process; each must register during init.
    private HashSet<string> _expected = [];
    private TaskCompletionSource<InvocationOutcome> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Completed (and replaced) at each change of an extension's state.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ExtensionsApi(RuntimeApiOptions options, Func<bool> runtimeCalledNext)
    {
        _options = options;
        _runtimeCalledNext = runtimeCalledNext;
    }

    /// <summary>The extensions the current process registered.</summary>
    public IReadOnlyCollection<RegisteredExtension> Registered => _registered.Values.ToArray();

    /// <summary>Some extension registered with the current process.</summary>
    public bool HasRegistered => !_registered.IsEmpty;

    /// <summary>The function's handler, as register answers it.</summary>
    public string Handler { get; set; } = "";

    /// <summary>Raised when an extension registers (on the request's thread: be quick).</summary>
    public event Action<RegisteredExtension>? ExtensionRegistered;

    /// <summary>
    /// Completes with the error that ends the environment: an extension's init/error or exit/error (its error type), or
    /// an external extension's crash (<c>Extension.Crash</c>). Since the last <see cref="BeginColdStart"/>.
    /// </summary>
    public Task<InvocationOutcome> Failure => _failure.Task;

    /// <summary>Extension processes were started with this process: init waits for each to register and call next.</summary>
    public bool HasExternal => _expected.Count > 0;

    /// <summary>Completes once at least <paramref name="count"/> event/next requests wait for an event.</summary>
    internal Task UntilEventRequestsWaitAsync(int count, CancellationToken cancellationToken = default) =>
        _parked.UntilAtLeastAsync(count, cancellationToken);

    /// <summary>A new process starts, with these extension processes beside it: its extensions register anew.</summary>
    internal void BeginColdStart(IEnumerable<string>? externalNames = null)
    {
        _registered.Clear();
        _expected = [.. externalNames ?? []];
        if (_failure.Task.IsCompleted)
            _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Changed();
    }

    /// <summary>
    /// Init is complete: the runtime has asked for its first event, every extension process started has registered,
    /// and every registered extension has called next.
    /// </summary>
    public bool InitComplete =>
        _runtimeCalledNext() && _expected.All(name => _registered.Values.Any(e => e.Name == name)) && _registered.Values.All(e => e.IsReady);

    /// <summary>Every registered extension has called next since its last event: the invoke phase may end.</summary>
    public bool AllReady => _registered.Values.All(e => e.IsReady);

    /// <summary>Completes once <paramref name="condition"/> holds, checked at each change of an extension's state.</summary>
    public async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
                return;
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The runtime's /next came: init may be complete now.</summary>
    internal void RuntimeCalledNext() => Changed();

    /// <summary>Sends an INVOKE event to every extension that registered for it; true if there was one.</summary>
    public bool SendInvoke(Invocation invocation, string invokedFunctionArn)
    {
        bool any = false;
        foreach (var extension in _registered.Values.Where(e => e.Wants("INVOKE") && !e.Failed))
        {
            extension.Send(ExtensionEvents.Invoke(invocation.RequestId, invocation.Deadline, invokedFunctionArn, invocation.TraceId));
            any = true;
        }
        Changed();
        return any;
    }

    /// <summary>Sends a SHUTDOWN event to every extension (or every internal one) that registered for it.</summary>
    public void SignalShutdown(DateTimeOffset deadline, ShutdownReason reason = ShutdownReason.Spindown, bool internalOnly = false)
    {
        foreach (var extension in _registered.Values.Where(e => e.Wants("SHUTDOWN") && !e.Failed && !(internalOnly && e.External)))
            extension.Send(ExtensionEvents.Shutdown(reason, deadline));
        Changed();
    }

    /// <summary>An extension process exited while the environment was up.</summary>
    public void ReportCrash(string name, int exitCode)
    {
        string status = exitCode > 128 ? $"signal {exitCode - 128}" : $"exit status {exitCode}";
        _failure.TrySetResult(InvocationOutcome.Error("Extension.Crash", $"Extension {name} exited with error: {status}"));
        Changed();
    }

    internal async Task HandleAsync(HttpContext context, byte[] body)
    {
        string path = context.Request.Path.Value ?? "";
        if (path == Prefix + "register" && HttpMethods.IsPost(context.Request.Method))
            await RegisterAsync(context, body);
        else if (path == Prefix + "event/next" && HttpMethods.IsGet(context.Request.Method))
            await NextEventAsync(context);
        else if ((path == Prefix + "init/error" || path == Prefix + "exit/error") && HttpMethods.IsPost(context.Request.Method))
            await ErrorAsync(context, body, initError: path.EndsWith("init/error", StringComparison.Ordinal));
        else
            await RuntimeApiServer.WriteErrorAsync(context, 404, "UnknownEndpoint", $"No Extensions API endpoint {context.Request.Method} {path}");
    }

    /// <summary>The registered extension a request names in its Lambda-Extension-Identifier header, or null (answered 403).</summary>
    internal async Task<RegisteredExtension?> IdentifyAsync(HttpContext context)
    {
        string id = context.Request.Headers[IdentifierHeader].ToString();
        if (_registered.TryGetValue(id, out var extension) && !extension.Failed)
            return extension;
        await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.UnknownExtensionIdentifier",
            extension is null ? $"no registered extension has the identifier '{id}'" : $"extension {extension.Name} reported an error: no further call succeeds");
        return null;
    }

    private async Task RegisterAsync(HttpContext context, byte[] body)
    {
        string name = context.Request.Headers[NameHeader].ToString();
        if (name.Length == 0)
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.InvalidRequest", $"{NameHeader} header is required");
            return;
        }
        bool external = _expected.Contains(name);
        // An extension process started with this one may register until init completes; anything else, until the runtime's first /next.
        if (external ? InitComplete : _runtimeCalledNext())
        {
            await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.RegistrationClosed", $"extension '{name}' registered after init ended: register before the runtime's first /next");
            return;
        }
        if (external && _registered.Values.Any(e => e.Name == name))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.AlreadyRegistered", $"extension '{name}' is already registered");
            return;
        }
        if (_registered.Count >= MaxExtensions)
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.TooManyExtensions", $"a function has at most {MaxExtensions} extensions");
            return;
        }
        if (!TryReadEvents(body, out var events, out string? problem))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.InvalidRequest", problem!);
            return;
        }
        var extension = new RegisteredExtension(name, Guid.NewGuid().ToString(), events, external);
        _registered[extension.Identifier] = extension;
        Changed();
        ExtensionRegistered?.Invoke(extension);
        context.Response.Headers[IdentifierHeader] = extension.Identifier;
        await RuntimeApiServer.WriteJsonAsync(context, 200, JsonSerializer.Serialize(
            new RegisterResponse(_options.FunctionName, _options.FunctionVersion, Handler),
            RuntimeApiJson.Default.RegisterResponse));
    }

    private async Task NextEventAsync(HttpContext context)
    {
        if (await IdentifyAsync(context) is not { } extension)
            return;
        extension.CalledNext();
        Changed();
        _parked.Parked();
        try
        {
            string next = await extension.Pending.ReadAsync(context.RequestAborted);
            context.Response.Headers[IdentifierHeader] = extension.Identifier;
            await RuntimeApiServer.WriteJsonAsync(context, 200, next);
            extension.Delivered();
        }
        catch (OperationCanceledException)
        {
            // The extension's process went away.
        }
        finally
        {
            _parked.Left();
        }
    }

    private async Task ErrorAsync(HttpContext context, byte[] body, bool initError)
    {
        if (await IdentifyAsync(context) is not { } extension)
            return;
        string errorType = context.Request.Headers[ErrorTypeHeader].ToString();
        if (errorType.Length == 0)
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.InvalidRequest", $"{ErrorTypeHeader} header is required");
            return;
        }
        if (initError && InitComplete)
        {
            await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.InvalidStateTransition", "init has ended: report exit/error instead");
            return;
        }
        extension.Failed = true;
        string message = $"Extension {extension.Name} reported {(initError ? "an init error" : "an exit error")}: {errorType}";
        if (body.Length > 0)
            message += ": " + InvocationOutcome.Error(errorType, body).ErrorMessage;
        _failure.TrySetResult(InvocationOutcome.Error(errorType, message));
        Changed();
        context.Response.Headers[IdentifierHeader] = extension.Identifier;
        await RuntimeApiServer.WriteAcceptedAsync(context);
    }

    private void Changed() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static bool TryReadEvents(byte[] body, out string[] events, out string? problem)
    {
        events = [];
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new JsonException("not an object");
            if (json.RootElement.TryGetProperty("events", out var list))
                events = list.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = $"the register body must be {{\"events\": [...]}}: {e.Message}";
            return false;
        }
        if (events.FirstOrDefault(e => e is not ("INVOKE" or "SHUTDOWN")) is { } unknown)
        {
            problem = $"unknown event type '{unknown}': INVOKE and SHUTDOWN are the events";
            return false;
        }
        return true;
    }
}

internal sealed record RegisterResponse(string FunctionName, string FunctionVersion, string Handler);
