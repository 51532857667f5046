using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// The Telemetry API, on the Runtime API's address: <c>PUT /2022-07-01/telemetry</c> subscribes a registered extension
/// to the <c>platform</c>, <c>function</c> and <c>extension</c> streams (schema 2022-12-13), delivered over HTTP to its
/// listener. A destination on <c>sandbox.localdomain</c> means this machine (127.0.0.1). The events since the process's
/// init started are kept, so an extension that subscribes during init gets <c>platform.initStart</c> too.
/// </summary>
internal sealed class TelemetryApi
{
    public const string Path = "/2022-07-01/telemetry";
    /// <summary>Lambda's name for the machine an extension runs on.</summary>
    public const string SandboxHost = "sandbox.localdomain";
    private static readonly string[] SchemaVersions = ["2022-12-13", "2022-07-01"];
    private static readonly string[] Streams = ["platform", "function", "extension"];
    // Events of the current process kept for subscribers still to come; beyond this many, the oldest go.
    private const int BacklogLimit = 1000;

    private readonly ExtensionsApi _extensions;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<TelemetrySubscription> _subscriptions = [];
    private readonly Queue<(string Stream, string Json)> _backlog = new();

    internal TelemetryApi(ExtensionsApi extensions, TimeProvider time)
    {
        _extensions = extensions;
        _time = time;
        _extensions.ExtensionRegistered += extension => Publish("platform", TelemetryRecords.Extension(_time.GetUtcNow(), extension.Name, extension.Events));
    }

    /// <summary>Where the emulator's notes about delivery go.</summary>
    public Action<string> Note { get; set; } = _ => { };

    /// <summary>Some extension subscribed: the emulator writes telemetry only then.</summary>
    public bool HasSubscribers
    {
        get
        {
            lock (_lock)
                return _subscriptions.Count > 0;
        }
    }

    public IReadOnlyList<TelemetrySubscription> Subscriptions
    {
        get
        {
            lock (_lock)
                return [.. _subscriptions];
        }
    }

    /// <summary>
    /// A new process starts, or the server stops: the subscriptions end with the process that made them (their
    /// senders stop in the background), and its events are forgotten.
    /// </summary>
    internal void EndSubscriptions()
    {
        TelemetrySubscription[] ended;
        lock (_lock)
        {
            ended = [.. _subscriptions];
            _subscriptions.Clear();
            _backlog.Clear();
        }
        if (ended.Length > 0)
            _ = Task.WhenAll(ended.Select(s => s.DisposeAsync().AsTask()));
    }

    // Telemetry is written only for a process that has an extension (started, or registered): nobody else can subscribe.
    private bool MayBeHeard => _extensions.HasExternal || _extensions.HasRegistered;

    /// <summary>Hands an event to every subscriber of <paramref name="stream"/>, and keeps it for those to come.</summary>
    public void Publish(string stream, string eventJson)
    {
        lock (_lock)
        {
            _backlog.Enqueue((stream, eventJson));
            if (_backlog.Count > BacklogLimit)
                _backlog.Dequeue();
            foreach (var subscription in _subscriptions)
            {
                if (subscription.Types.Contains(stream))
                    subscription.Add(eventJson);
            }
        }
    }

    public void PublishPlatform(Func<DateTimeOffset, string> record)
    {
        if (MayBeHeard)
            Publish("platform", record(_time.GetUtcNow()));
    }

    public void PublishLine(string stream, string line)
    {
        if (MayBeHeard)
            Publish(stream, TelemetryRecords.LogLine(_time.GetUtcNow(), stream, line));
    }

    /// <summary>Delivers everything buffered, within <paramref name="patience"/> (before SHUTDOWN goes out).</summary>
    public Task FlushAsync(TimeSpan patience) => Task.WhenAll(Subscriptions.Select(s => s.FlushAsync(patience)));

    internal async Task HandleAsync(HttpContext context, byte[] body)
    {
        if (!HttpMethods.IsPut(context.Request.Method))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 404, "UnknownEndpoint", $"No Telemetry API endpoint {context.Request.Method} {context.Request.Path}");
            return;
        }
        if (await _extensions.IdentifyAsync(context) is not { } extension)
            return;
        if (!TryRead(body, out var destination, out var types, out var buffering, out string? problem))
        {
            await RuntimeApiServer.WriteErrorAsync(context, 400, "ValidationError", problem!);
            return;
        }
        var subscription = new TelemetrySubscription(extension.Name, destination!, types, buffering!, Note);
        TelemetrySubscription? replaced;
        lock (_lock)
        {
            replaced = _subscriptions.FirstOrDefault(s => s.ExtensionName == extension.Name);
            if (replaced is not null)
                _subscriptions.Remove(replaced);
            foreach (var (stream, json) in _backlog)
            {
                if (types.Contains(stream))
                    subscription.Add(json);
            }
            _subscriptions.Add(subscription);
        }
        if (replaced is not null)
            await replaced.DisposeAsync();
        PublishPlatform(time => TelemetryRecords.TelemetrySubscription(time, extension.Name, types));
        await RuntimeApiServer.WriteJsonAsync(context, 200, "\"OK\"");
    }

    private static bool TryRead(byte[] body, out Uri? destination, out string[] types, out TelemetryBuffering? buffering, out string? problem)
    {
        destination = null;
        types = [];
        buffering = null;
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (version is null || !SchemaVersions.Contains(version))
                problem = $"schemaVersion must be one of {string.Join(", ", SchemaVersions)}";
            else if (!root.TryGetProperty("destination", out var target) || target.ValueKind != JsonValueKind.Object)
                problem = "destination is required";
            else if (!target.TryGetProperty("protocol", out var protocol) || protocol.GetString() != "HTTP")
                problem = "destination.protocol must be HTTP (the emulator does not deliver over TCP)";
            else if (!target.TryGetProperty("URI", out var uri) || !Uri.TryCreate(uri.GetString(), UriKind.Absolute, out var parsed) || parsed.Scheme != "http")
                problem = "destination.URI must be an http:// URI";
            else if (parsed.IsDefaultPort && !uri.GetString()!.Contains($":{parsed.Port}", StringComparison.Ordinal))
                problem = "destination.URI must give its port";
            else if (!root.TryGetProperty("types", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                problem = "types should not be empty";
            else
            {
                types = list.EnumerateArray().Select(t => t.GetString() ?? "").Distinct().ToArray();
                if (types.FirstOrDefault(t => !Streams.Contains(t)) is { } unknown)
                    problem = $"unknown type '{unknown}': platform, function and extension are the types";
                destination = OnThisMachine(parsed);
                buffering = new TelemetryBuffering();
                if (root.TryGetProperty("buffering", out var b) && b.ValueKind == JsonValueKind.Object)
                {
                    buffering = new TelemetryBuffering(
                        b.TryGetProperty("maxItems", out var items) ? items.GetInt32() : buffering.MaxItems,
                        b.TryGetProperty("maxBytes", out var bytes) ? bytes.GetInt32() : buffering.MaxBytes,
                        b.TryGetProperty("timeoutMs", out var timeout) ? timeout.GetInt32() : buffering.TimeoutMs);
                    problem ??= buffering.Problem;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            problem = $"the subscription body is not valid: {e.Message}";
        }
        return problem is null;
    }

    /// <summary><c>sandbox.localdomain</c> (Lambda's name for the environment) is 127.0.0.1 here.</summary>
    internal static Uri OnThisMachine(Uri uri) =>
        string.Equals(uri.Host, SandboxHost, StringComparison.OrdinalIgnoreCase) ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
}
