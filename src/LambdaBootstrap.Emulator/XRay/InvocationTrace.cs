using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaBootstrap.Emulator.XRay;

/// <summary>
/// The trace of one sampled invocation as Lambda's service records it: the function segment (origin
/// <c>AWS::Lambda::Function</c>, its id the <c>Parent</c> of the function's trace header) with the subsegments
/// <c>Initialization</c> (cold starts only: spawn to the first <c>/next</c>), <c>Invocation</c> (handed out to the
/// reply) and <c>Overhead</c> (the reply to the end of the invocation), and under it the function's own subsegments
/// as they came to the daemon: a document whose <c>parent_id</c> is another received subsegment nests under it.
/// </summary>
internal sealed class InvocationTrace
{
    private readonly Lock _lock = new();
    // The function's own documents by id, in arrival order; a later document with the same id (the complete one
    // after an in_progress one) replaces the earlier.
    private readonly List<JsonObject> _received = [];

    public InvocationTrace(string functionName, string functionArn, string requestId, TraceHeader header, DateTimeOffset startedAt)
    {
        FunctionName = functionName;
        FunctionArn = functionArn;
        RequestId = requestId;
        TraceId = header.Root;
        SegmentId = header.Parent ?? NewId();
        InvocationStart = startedAt;
    }

    public string FunctionName { get; }
    public string FunctionArn { get; }
    public string RequestId { get; }
    /// <summary>The trace's id, the header's <c>Root</c>.</summary>
    public string TraceId { get; }
    /// <summary>The function segment's id: the header's <c>Parent</c>, which the function's subsegments name as their parent.</summary>
    public string SegmentId { get; }
    public DateTimeOffset InvocationStart { get; }
    /// <summary>When the process was spawned, for a cold start; null for a warm one.</summary>
    public DateTimeOffset? InitializationStart { get; private set; }
    public DateTimeOffset InvocationEnd { get; private set; }
    public DateTimeOffset End { get; private set; }
    /// <summary>The function's error, when the invocation failed: its type and message.</summary>
    public (string Type, string Message)? Error { get; private set; }
    /// <summary>The runtime's own cause (Lambda-Runtime-Function-XRay-Error-Cause), when it sent a valid one.</summary>
    public string? ErrorCause { get; private set; }
    /// <summary>Set once the invocation has ended and its trace is whole.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Adds a document the function sent; another with the same id replaces it.</summary>
    public void Add(JsonObject document)
    {
        string? id = Text(document["id"]);
        lock (_lock)
        {
            int index = id is null ? -1 : _received.FindIndex(d => Text(d["id"]) == id);
            if (index >= 0)
                _received[index] = document;
            else
                _received.Add(document);
        }
    }

    /// <summary>Whether <paramref name="id"/> is this segment's or one of the subsegments received.</summary>
    public bool Holds(string id)
    {
        lock (_lock)
            return id == SegmentId || _received.Any(d => Text(d["id"]) == id);
    }

    /// <summary>Ends the trace: the invocation's reply at <paramref name="answeredAt"/>, its end at <paramref name="end"/>.</summary>
    public void Close(DateTimeOffset? spawnedAt, DateTimeOffset answeredAt, DateTimeOffset end, (string Type, string Message)? error, string? errorCause)
    {
        InitializationStart = spawnedAt;
        InvocationEnd = answeredAt < InvocationStart ? InvocationStart : answeredAt;
        End = end < InvocationEnd ? InvocationEnd : end;
        Error = error;
        ErrorCause = errorCause;
        IsClosed = true;
    }

    /// <summary>The function segment as an X-Ray segment document, with every subsegment in it.</summary>
    public JsonObject ToSegment()
    {
        var start = InitializationStart ?? InvocationStart;
        var segment = new JsonObject
        {
            ["name"] = FunctionName,
            ["id"] = SegmentId,
            ["trace_id"] = TraceId,
            ["start_time"] = Seconds(start),
            ["origin"] = "AWS::Lambda::Function",
            ["aws"] = new JsonObject { ["function_arn"] = FunctionArn, ["request_id"] = RequestId },
        };
        if (IsClosed)
            segment["end_time"] = Seconds(End);
        else
            segment["in_progress"] = true;
        if (Error is { } error)
        {
            segment["fault"] = true;
            segment["cause"] = Cause(error);
        }

        var subsegments = new JsonArray();
        if (InitializationStart is { } spawned)
            subsegments.Add(Part("Initialization", spawned, InvocationStart));
        var invocation = Part("Invocation", InvocationStart, IsClosed ? InvocationEnd : null);
        if (Error is not null)
            invocation["fault"] = true;
        subsegments.Add(invocation);
        if (IsClosed)
            subsegments.Add(Part("Overhead", InvocationEnd, End));
        foreach (var own in Nested())
            subsegments.Add(own);
        segment["subsegments"] = subsegments;
        return segment;
    }

    /// <summary>Writes <see cref="ToSegment"/> as one line of JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ToSegment().WriteTo(writer);

    // The received documents as a tree: each under the received subsegment it names as parent, the rest at the top.
    private List<JsonObject> Nested()
    {
        List<(string? Parent, JsonObject Copy)> copies;
        lock (_lock)
            copies = [.. _received.Select(d => (Text(d["parent_id"]), (JsonObject)d.DeepClone()))];
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, copy) in copies)
        {
            copy.Remove("trace_id");
            copy.Remove("parent_id");
            copy.Remove("type");
            if (Text(copy["id"]) is { } id)
                byId.TryAdd(id, copy);
        }
        List<JsonObject> top = [];
        foreach (var (parent, copy) in copies)
        {
            if (parent is not null && parent != SegmentId && byId.TryGetValue(parent, out var under) && under != copy)
            {
                if (under["subsegments"] is not JsonArray children)
                    under["subsegments"] = children = [];
                children.Add(copy);
            }
            else
                top.Add(copy);
        }
        return top;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private JsonNode Cause((string Type, string Message) error)
    {
        if (ErrorCause is { } cause)
        {
            try
            {
                if (JsonNode.Parse(cause) is JsonObject parsed)
                    return parsed;
            }
            catch (JsonException)
            {
            }
        }
        return new JsonObject
        {
            ["exceptions"] = new JsonArray(new JsonObject { ["id"] = NewId(), ["type"] = error.Type, ["message"] = error.Message }),
        };
    }

    private static JsonObject Part(string name, DateTimeOffset start, DateTimeOffset? end)
    {
        var part = new JsonObject { ["id"] = NewId(), ["name"] = name, ["start_time"] = Seconds(start) };
        if (end is { } ended)
            part["end_time"] = Seconds(ended);
        else
            part["in_progress"] = true;
        return part;
    }

    // X-Ray's times: epoch seconds with a fraction, to the microsecond.
    private static double Seconds(DateTimeOffset time) => Math.Round((time - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond, 6);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
