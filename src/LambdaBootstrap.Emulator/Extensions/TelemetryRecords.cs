using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// The Telemetry API's events in schema 2022-12-13: <c>{"time", "type", "record"}</c>, each record in its documented
/// shape. Written with a Utf8JsonWriter: no reflection.
/// </summary>
internal static class TelemetryRecords
{
    /// <summary>How a phase ended, as a record's <c>status</c> (and <c>errorType</c>) says it.</summary>
    internal readonly record struct PhaseStatus(string Status, string? ErrorType)
    {
        public static readonly PhaseStatus Success = new("success", null);
        public static PhaseStatus Error(string errorType) => new("error", errorType);
        public static PhaseStatus Failure(string errorType) => new("failure", errorType);
        public static PhaseStatus Timeout => new("timeout", "Sandbox.Timedout");

        internal void WriteTo(Utf8JsonWriter json)
        {
            json.WriteString("status", Status);
            if (ErrorType is not null)
                json.WriteString("errorType", ErrorType);
        }
    }

    public static string InitStart(DateTimeOffset time) => Event(time, "platform.initStart", json =>
    {
        json.WriteString("initializationType", "on-demand");
        json.WriteString("phase", "init");
    });

    public static string InitRuntimeDone(DateTimeOffset time, PhaseStatus status) => Event(time, "platform.initRuntimeDone", json =>
    {
        json.WriteString("initializationType", "on-demand");
        json.WriteString("phase", "init");
        status.WriteTo(json);
    });

    public static string InitReport(DateTimeOffset time, double durationMs, PhaseStatus status) => Event(time, "platform.initReport", json =>
    {
        json.WriteString("initializationType", "on-demand");
        json.WriteString("phase", "init");
        status.WriteTo(json);
        json.WriteStartObject("metrics");
        json.WriteNumber("durationMs", Math.Round(durationMs, 3));
        json.WriteEndObject();
    });

    public static string Start(DateTimeOffset time, string requestId, string version, string traceId) => Event(time, "platform.start", json =>
    {
        json.WriteString("requestId", requestId);
        json.WriteString("version", version);
        WriteTracing(json, traceId);
    });

    /// <param name="responseLatencyMs">From the event handed out to the response's first byte.</param>
    /// <param name="responseDurationMs">From the response's first byte to its last (0 for a buffered response).</param>
    public static string RuntimeDone(DateTimeOffset time, string requestId, PhaseStatus status, double durationMs, long? producedBytes,
        DateTimeOffset started, double responseLatencyMs, double responseDurationMs, string traceId) => Event(time, "platform.runtimeDone", json =>
    {
        json.WriteString("requestId", requestId);
        status.WriteTo(json);
        WriteTracing(json, traceId);
        json.WriteStartArray("spans");
        WriteSpan(json, "responseLatency", started, responseLatencyMs);
        WriteSpan(json, "responseDuration", started.AddMilliseconds(responseLatencyMs), responseDurationMs);
        json.WriteEndArray();
        json.WriteStartObject("metrics");
        json.WriteNumber("durationMs", Math.Round(durationMs, 3));
        if (producedBytes is long bytes)
            json.WriteNumber("producedBytes", bytes);
        json.WriteEndObject();
    });

    public static string Report(DateTimeOffset time, string requestId, PhaseStatus status, double durationMs, long billedDurationMs, int memorySizeMb,
        int? maxMemoryUsedMb, double? initDurationMs, string traceId) => Event(time, "platform.report", json =>
    {
        json.WriteString("requestId", requestId);
        status.WriteTo(json);
        WriteTracing(json, traceId);
        json.WriteStartObject("metrics");
        json.WriteNumber("durationMs", Math.Round(durationMs, 3));
        json.WriteNumber("billedDurationMs", billedDurationMs);
        json.WriteNumber("memorySizeMB", memorySizeMb);
        json.WriteNumber("maxMemoryUsedMB", maxMemoryUsedMb ?? 0);
        if (initDurationMs is double init)
            json.WriteNumber("initDurationMs", Math.Round(init, 3));
        json.WriteEndObject();
    });

    public static string Extension(DateTimeOffset time, string name, IReadOnlyList<string> events) => Event(time, "platform.extension", json =>
    {
        json.WriteString("name", name);
        json.WriteString("state", "Ready");
        json.WriteStartArray("events");
        foreach (string type in events)
            json.WriteStringValue(type);
        json.WriteEndArray();
    });

    public static string TelemetrySubscription(DateTimeOffset time, string name, IReadOnlyList<string> types) => Event(time, "platform.telemetrySubscription", json =>
    {
        json.WriteString("name", name);
        json.WriteString("state", "Subscribed");
        json.WriteStartArray("types");
        foreach (string type in types)
            json.WriteStringValue(type);
        json.WriteEndArray();
    });

    /// <summary>A line the function or an extension wrote: its record is the line, a string.</summary>
    public static string LogLine(DateTimeOffset time, string stream, string line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", Time(time));
            json.WriteString("type", stream);
            json.WriteString("record", line);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTracing(Utf8JsonWriter json, string traceId)
    {
        if (traceId.Length == 0)
            return;
        json.WriteStartObject("tracing");
        json.WriteString("type", "X-Amzn-Trace-Id");
        json.WriteString("value", traceId);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, string name, DateTimeOffset start, double durationMs)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("start", Time(start));
        json.WriteNumber("durationMs", Math.Round(durationMs, 3));
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Event(DateTimeOffset time, string type, Action<Utf8JsonWriter> record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", Time(time));
            json.WriteString("type", type);
            json.WriteStartObject("record");
            record(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
