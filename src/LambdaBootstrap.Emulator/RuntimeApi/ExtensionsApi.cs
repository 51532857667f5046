using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// The Extensions API as far as a runtime needs it: <c>POST /2020-01-01/extension/register</c> during init, and
/// <c>GET /2020-01-01/extension/event/next</c>, which waits, and answers a SHUTDOWN event when the function is
/// shut down if the extension asked for one. A registered extension is what makes Lambda (and this emulator) send
/// the runtime SIGTERM before stopping it. INVOKE events are not delivered, so registering for them is refused.
/// </summary>
internal sealed class ExtensionsApi
{
    public const string Prefix = "/2020-01-01/extension/";
    public const string NameHeader = "Lambda-Extension-Name";
    public const string IdentifierHeader = "Lambda-Extension-Identifier";

    private readonly RuntimeApiOptions _options;
    private readonly ConcurrentDictionary<string, RegisteredExtension> _registered = new();
    private readonly Func<bool> _initEnded;
    private TaskCompletionSource<DateTimeOffset> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ParkedRequests _parked = new();

    internal ExtensionsApi(RuntimeApiOptions options, Func<bool> initEnded)
    {
        _options = options;
        _initEnded = initEnded;
    }

    /// <summary>The extensions the current process registered.</summary>
    public IReadOnlyCollection<RegisteredExtension> Registered => _registered.Values.ToArray();

    /// <summary>Completes once at least <paramref name="count"/> event/next requests wait for an event.</summary>
    internal Task UntilEventRequestsWaitAsync(int count, CancellationToken cancellationToken = default) =>
        _parked.UntilAtLeastAsync(count, cancellationToken);

    /// <summary>A new process starts: its extensions register anew.</summary>
    internal void BeginColdStart()
    {
        _registered.Clear();
        if (_shutdown.Task.IsCompleted)
            _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }


    /// <summary>Answers the waiting event requests of extensions that asked for SHUTDOWN.</summary>
    public void SignalShutdown(DateTimeOffset deadline) => _shutdown.TrySetResult(deadline);

    internal async Task HandleAsync(HttpContext context, byte[] body)
    {
        string path = context.Request.Path.Value ?? "";
        if (path == Prefix + "register" && HttpMethods.IsPost(context.Request.Method))
            await RegisterAsync(context, body);
        else if (path == Prefix + "event/next" && HttpMethods.IsGet(context.Request.Method))
            await NextEventAsync(context);
        else
            await RuntimeApiServer.WriteErrorAsync(context, 404, "UnknownEndpoint", $"No Extensions API endpoint {context.Request.Method} {path}");
    }

    private async Task RegisterAsync(HttpContext context, byte[] body)
    {
        string name = context.Request.Headers[NameHeader].ToString();
        if (name.Length == 0)
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.InvalidRequest", $"{NameHeader} header is required");
            return;
        }
        if (_initEnded())
        {
            await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.RegistrationClosed", $"extension '{name}' registered after init ended: register before the runtime's first /next");
            return;
        }
        if (!TryReadEvents(body, out var events, out string? problem))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "Extension.InvalidRequest", problem!);
            return;
        }
        var extension = new RegisteredExtension(name, Guid.NewGuid().ToString(), events);
        _registered[extension.Identifier] = extension;
        context.Response.Headers[IdentifierHeader] = extension.Identifier;
        await RuntimeApiServer.WriteJsonAsync(context, 200, JsonSerializer.Serialize(
            new RegisterResponse(_options.FunctionName, _options.FunctionVersion, context.Request.Headers["Lambda-Extension-Handler"].ToString()),
            RuntimeApiJson.Default.RegisterResponse));
    }

    private async Task NextEventAsync(HttpContext context)
    {
        string id = context.Request.Headers[IdentifierHeader].ToString();
        if (!_registered.TryGetValue(id, out var extension))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 403, "Extension.UnknownExtensionIdentifier", $"no registered extension has the identifier '{id}'");
            return;
        }
        var shutdown = _shutdown.Task;
        _parked.Parked();
        try
        {
            // Without SHUTDOWN in its events there is nothing to deliver: the request waits until the process goes.
            if (!extension.Events.Contains("SHUTDOWN"))
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            var deadline = await shutdown.WaitAsync(context.RequestAborted);
            await RuntimeApiServer.WriteJsonAsync(context, 200,
                $"{{\"eventType\":\"SHUTDOWN\",\"shutdownReason\":\"spindown\",\"deadlineMs\":{deadline.ToUnixTimeMilliseconds()}}}");
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
        if (events.FirstOrDefault(e => e != "SHUTDOWN") is { } unsupported)
        {
            problem = unsupported == "INVOKE"
                ? "this emulator delivers SHUTDOWN events only; it cannot deliver INVOKE events to extensions"
                : $"unknown event type '{unsupported}'";
            return false;
        }
        return true;
    }
}

/// <summary>An extension that registered with the current process.</summary>
internal sealed record RegisteredExtension(string Name, string Identifier, IReadOnlyList<string> Events);

internal sealed record RegisterResponse(string FunctionName, string FunctionVersion, string Handler);
