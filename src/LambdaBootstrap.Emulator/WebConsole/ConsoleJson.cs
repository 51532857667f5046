using System.Text.Json.Serialization;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>A function as the console lists it.</summary>
internal sealed record FunctionView(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Handler,
    int MemoryMb,
    double TimeoutSeconds,
    string Architecture,
    bool Emulated,
    string State,
    int Queued);

/// <summary>A sample event the editor offers: its id (to fetch it), the group it is listed under, and its name.</summary>
internal sealed record SampleView(string Id, string Group, string Name);

/// <summary>One line a function showed, live.</summary>
internal sealed record LogLineView(string Function, string? RequestId, bool Error, string Line, long At);

/// <summary>A finished invocation of this run: what went in, what came out, and its REPORT figures.</summary>
internal sealed record HistoryEntry(
    int Seq,
    string Function,
    string RequestId,
    DateTimeOffset At,
    string Event,
    bool EventTruncated,
    string? ClientContext,
    string Response,
    bool ResponseTruncated,
    string? ErrorType,
    bool Streamed,
    IReadOnlyList<double> ChunkTimesMs,
    double DurationMs,
    long BilledDurationMs,
    double? InitDurationMs,
    int MemorySizeMb,
    int? MaxMemoryUsedMb,
    string? EmulatedBy,
    // The invoke phase after the runtime's answer, until every extension called next; null without extensions.
    double? PostRuntimeExtensionsMs = null);

/// <summary>An asynchronous invocation: its attempts (each with its error type, or null) and where it ended.</summary>
internal sealed record AsyncView(string Function, string RequestId, DateTimeOffset ReceivedAt, string Condition,
    IReadOnlyList<string?> Attempts, IReadOnlyList<string> SentTo);
/// <summary>One value of an EMF metric a function printed: its function, invocation, namespace, name, unit and time (epoch ms).</summary>
internal sealed record MetricView(string Function, string? RequestId, string Namespace, string Name, string? Unit, double Value, long At);

/// <summary>An invocation's X-Ray trace is whole: fetch it at <c>traces/{requestId}</c>.</summary>
internal sealed record TraceReady(string Function, string RequestId);

// Written, never read: the serialization code alone is generated.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(FunctionView))]
[JsonSerializable(typeof(IReadOnlyList<FunctionView>))]
[JsonSerializable(typeof(IReadOnlyList<SampleView>))]
[JsonSerializable(typeof(LogLineView))]
[JsonSerializable(typeof(HistoryEntry))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntry>))]
[JsonSerializable(typeof(AsyncView))]
[JsonSerializable(typeof(IReadOnlyList<AsyncView>))]
[JsonSerializable(typeof(MetricView))]
[JsonSerializable(typeof(IReadOnlyList<MetricView>))]
[JsonSerializable(typeof(TraceReady))]
internal sealed partial class ConsoleJson : JsonSerializerContext;
