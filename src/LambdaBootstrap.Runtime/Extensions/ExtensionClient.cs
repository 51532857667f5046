using System.Buffers;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime.Extensions;

/// <summary>
/// A Lambda extension's side of the Extensions API and the Telemetry API, over the runtime's own HTTP client (no
/// HttpClient): register, wait for the next event, report an init or exit error, subscribe to telemetry. For an
/// external extension written in C# (a separate executable in a layer's <c>extensions/</c> folder). Calls block.
/// A function that never uses it carries none of it.
/// </summary>
public sealed class ExtensionClient : IDisposable
{
    private const string IdentifierHeader = "Lambda-Extension-Identifier";
    // Requests and replies on one connection; the blocking event/next on its own.
    private readonly HttpConnection _requests;
    private readonly HttpConnection _events;

    private ExtensionClient(HttpConnection requests, HttpConnection events, string identifier, string functionName, string functionVersion, string handler)
    {
        _requests = requests;
        _events = events;
        Identifier = identifier;
        FunctionName = functionName;
        FunctionVersion = functionVersion;
        Handler = handler;
    }

    /// <summary>The Lambda-Extension-Identifier the registration gave.</summary>
    public string Identifier { get; }
    /// <summary>The function's name, as the registration answered it.</summary>
    public string FunctionName { get; }
    /// <summary>The function's version, as the registration answered it.</summary>
    public string FunctionVersion { get; }
    /// <summary>The function's handler, as the registration answered it.</summary>
    public string Handler { get; }

    /// <summary>
    /// Registers the extension under <paramref name="name"/> (an external extension must use its file name) for
    /// <paramref name="events"/>, at the API that AWS_LAMBDA_RUNTIME_API names. Call it during init, first.
    /// </summary>
    /// <exception cref="ExtensionApiException">The API refused the registration.</exception>
    public static ExtensionClient Register(string name, ExtensionEventTypes events) =>
        Register(name, events, RuntimeApiEndpoint.Parse(Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
            ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set: an extension runs in a Lambda execution environment")));

    internal static ExtensionClient Register(string name, ExtensionEventTypes events, RuntimeApiEndpoint endpoint)
    {
        var budget = TimeSpan.FromSeconds(2);
        var requests = new HttpConnection(endpoint, LambdaRuntime.UserAgent, budget);
        var body = new ArrayBufferWriter<byte>();
        body.Append("{\"events\":["u8);
        if (events.HasFlag(ExtensionEventTypes.Invoke))
            body.Append("\"INVOKE\""u8);
        if (events.HasFlag(ExtensionEventTypes.Shutdown))
            body.Append(events.HasFlag(ExtensionEventTypes.Invoke) ? ",\"SHUTDOWN\""u8 : "\"SHUTDOWN\""u8);
        body.Append("]}"u8);
        requests.Request.Start("POST"u8, "/2020-01-01/extension/register"u8)
            .Header("Lambda-Extension-Name"u8, name)
            .Header("Content-Type"u8, "application/json"u8)
            .EndHead(body.WrittenCount);
        var headers = new IdentifierSink();
        var head = requests.Exchange(body.WrittenSpan, headers);
        var answer = requests.ReadBody(head);
        if (head.StatusCode != 200 || headers.Value is null)
        {
            requests.Dispose();
            throw new ExtensionApiException(head.StatusCode, $"register answered {head.StatusCode}: {Encoding.UTF8.GetString(answer.Span)}");
        }
        string functionName = "", functionVersion = "", handler = "";
        var reader = new LambdaJsonReader(answer.Span);
        JsonObjects.StartObject(ref reader);
        while (JsonObjects.NextProperty(ref reader, out string property))
        {
            string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            switch (property)
            {
                case "functionName": functionName = value ?? ""; break;
                case "functionVersion": functionVersion = value ?? ""; break;
                case "handler": handler = value ?? ""; break;
            }
        }
        return new ExtensionClient(requests, new HttpConnection(endpoint, LambdaRuntime.UserAgent, budget), headers.Value, functionName, functionVersion, handler);
    }

    /// <summary>Says the extension is done with its last event, and waits (without a timeout) for the next one.</summary>
    /// <exception cref="ExtensionApiException">The API refused the request (a 500: exit promptly).</exception>
    public ExtensionEvent NextEvent()
    {
        _events.Request.Start("GET"u8, "/2020-01-01/extension/event/next"u8).Header("Lambda-Extension-Identifier"u8, Identifier).EndHead(null);
        var head = _events.Exchange(default, NoHeaders.Instance);
        var body = _events.ReadBody(head);
        if (head.StatusCode != 200)
            throw new ExtensionApiException(head.StatusCode, $"event/next answered {head.StatusCode}: {Encoding.UTF8.GetString(body.Span)}");
        return Parse(body.Span);
    }

    /// <summary>Reports that the extension failed to initialise (<c>init/error</c>); Lambda fails the init. Then exit.</summary>
    public void ReportInitError(string errorType, string message) => ReportError("/2020-01-01/extension/init/error"u8, errorType, message);

    /// <summary>Reports an unexpected failure before exiting (<c>exit/error</c>); Lambda resets the environment. Then exit.</summary>
    public void ReportExitError(string errorType, string message) => ReportError("/2020-01-01/extension/exit/error"u8, errorType, message);

    /// <summary>
    /// Subscribes to the Telemetry API (schema 2022-12-13): Lambda POSTs batches of events, JSON arrays, to
    /// <paramref name="destination"/> (say <c>http://sandbox.localdomain:4243/</c>; listen on all interfaces, 0.0.0.0,
    /// so the same code works on Lambda and in a local emulator). A batch goes at <paramref name="maxItems"/> events,
    /// <paramref name="maxBytes"/> bytes, or <paramref name="timeoutMs"/> after its first event.
    /// </summary>
    /// <exception cref="ExtensionApiException">The API refused the subscription.</exception>
    public void SubscribeTelemetry(string destination, TelemetryStreams streams, int maxItems = 1000, int maxBytes = 262144, int timeoutMs = 1000)
    {
        var body = new ArrayBufferWriter<byte>();
        body.Append("{\"schemaVersion\":\"2022-12-13\",\"types\":["u8);
        bool first = true;
        foreach (var (stream, name) in new[] { (TelemetryStreams.Platform, "platform"), (TelemetryStreams.Function, "function"), (TelemetryStreams.Extension, "extension") })
        {
            if (!streams.HasFlag(stream))
                continue;
            if (!first)
                body.Append(","u8);
            JsonText.String(body, name);
            first = false;
        }
        body.Append(Encoding.UTF8.GetBytes($"],\"buffering\":{{\"maxItems\":{maxItems},\"maxBytes\":{maxBytes},\"timeoutMs\":{timeoutMs}}},\"destination\":{{\"protocol\":\"HTTP\",\"URI\":"));
        JsonText.String(body, destination);
        body.Append("}}"u8);
        _requests.Request.Start("PUT"u8, "/2022-07-01/telemetry"u8)
            .Header("Lambda-Extension-Identifier"u8, Identifier)
            .Header("Content-Type"u8, "application/json"u8)
            .EndHead(body.WrittenCount);
        var head = _requests.Exchange(body.WrittenSpan, NoHeaders.Instance);
        var answer = _requests.ReadBody(head);
        if (head.StatusCode != 200)
            throw new ExtensionApiException(head.StatusCode, $"telemetry subscribe answered {head.StatusCode}: {Encoding.UTF8.GetString(answer.Span)}");
    }

    private void ReportError(ReadOnlySpan<byte> path, string errorType, string message)
    {
        var body = new ArrayBufferWriter<byte>();
        body.Append("{\"errorMessage\":"u8);
        JsonText.String(body, message);
        body.Append(",\"errorType\":"u8);
        JsonText.String(body, errorType);
        body.Append("}"u8);
        _requests.Request.Start("POST"u8, path)
            .Header("Lambda-Extension-Identifier"u8, Identifier)
            .Header("Lambda-Extension-Function-Error-Type"u8, errorType)
            .Header("Content-Type"u8, "application/json"u8)
            .EndHead(body.WrittenCount);
        var head = _requests.Exchange(body.WrittenSpan, NoHeaders.Instance);
        var answer = _requests.ReadBody(head);
        if (head.StatusCode != 202)
            throw new ExtensionApiException(head.StatusCode, $"error report answered {head.StatusCode}: {Encoding.UTF8.GetString(answer.Span)}");
    }

    internal static ExtensionEvent Parse(ReadOnlySpan<byte> json)
    {
        var reader = new LambdaJsonReader(json);
        JsonObjects.StartObject(ref reader);
        var type = ExtensionEventTypes.None;
        long deadline = 0;
        string? requestId = null, arn = null, trace = null, reason = null;
        while (JsonObjects.NextProperty(ref reader, out string property))
        {
            if (property == "tracing" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (JsonObjects.NextProperty(ref reader, out string field))
                {
                    if (field == "value" && reader.TokenType == JsonTokenType.String)
                        trace = reader.GetString();
                    reader.Skip();
                }
                continue;
            }
            switch (property)
            {
                case "eventType":
                    type = reader.GetString() switch { "INVOKE" => ExtensionEventTypes.Invoke, "SHUTDOWN" => ExtensionEventTypes.Shutdown, _ => ExtensionEventTypes.None };
                    break;
                case "deadlineMs":
                    deadline = reader.TokenType == JsonTokenType.Number ? (reader.TryGetInt64(out long ms) ? ms : throw new FormatException("deadlineMs is not a whole number")) : long.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "requestId": requestId = reader.GetString(); break;
                case "invokedFunctionArn": arn = reader.GetString(); break;
                case "shutdownReason": reason = reader.GetString(); break;
            }
            reader.Skip();
        }
        return new ExtensionEvent
        {
            EventType = type, DeadlineMs = deadline, RequestId = requestId, InvokedFunctionArn = arn, TraceId = string.IsNullOrEmpty(trace) ? null : trace, ShutdownReason = reason,
        };
    }

    /// <summary>Closes the client's connections.</summary>
    public void Dispose()
    {
        _requests.Dispose();
        _events.Dispose();
    }

    private sealed class IdentifierSink : IHttpHeaderSink
    {
        public string? Value;

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            if (Ascii.EqualsIgnoreCase(name, "Lambda-Extension-Identifier"u8) && !value.IsEmpty)
                Value = Encoding.UTF8.GetString(value);
        }
    }

    private sealed class NoHeaders : IHttpHeaderSink
    {
        public static readonly NoHeaders Instance = new();
        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }
}
