using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// An OTLP/HTTP trace receiver on loopback: <c>POST /v1/traces</c> with an <c>ExportTraceServiceRequest</c> in
/// protobuf, decoded just far enough to read each span's ids, name, kind and attributes (OTLP's trace.proto field numbers).
/// </summary>
internal sealed class OtlpListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BlockingCollection<OtlpSpan> _spans = [];

    private OtlpListener(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new OtlpListener(app);
        app.MapPost("/v1/traces", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            foreach (var span in OtlpSpan.ReadRequest(body.ToArray()))
                listener._spans.Add(span);
            http.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        listener.Endpoint = app.Urls.Single();
        return listener;
    }

    /// <summary>Waits for a span that matches <paramref name="match"/>; spans that do not are kept for later calls.</summary>
    public OtlpSpan WaitFor(Func<OtlpSpan, bool> match)
    {
        var passed = new List<OtlpSpan>();
        var deadline = DateTime.UtcNow + FunctionUnderTest.Patience;
        try
        {
            while (_spans.TryTake(out var span, deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                if (match(span))
                    return span;
                passed.Add(span);
            }
            throw new TimeoutException($"no matching span reached the OTLP listener; got: {string.Join(", ", passed.Select(s => s.Name))}");
        }
        finally
        {
            foreach (var span in passed)
                _spans.Add(span);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One span of an OTLP export, with its attributes as .NET values (string, bool, long or double).</summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, object> Attributes)
{
    public const int ServerKind = 2;

    // ExportTraceServiceRequest.resource_spans = 1; ResourceSpans.scope_spans = 2; ScopeSpans.spans = 2.
    public static IEnumerable<OtlpSpan> ReadRequest(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
        foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
            yield return ReadSpan(span.Bytes);
    }

    // Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6, attributes = 9 (KeyValue: key = 1, value = 2).
    private static OtlpSpan ReadSpan(byte[] span)
    {
        string traceId = "", spanId = "", parentId = "", name = "";
        int kind = 0;
        var attributes = new Dictionary<string, object>();
        foreach (var field in Fields(span))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parentId = Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = Encoding.UTF8.GetString(field.Bytes); break;
                case 6: kind = (int)field.Value; break;
                case 9:
                    var pair = Fields(field.Bytes).ToArray();
                    string key = Encoding.UTF8.GetString(pair.First(f => f.Number == 1).Bytes);
                    attributes[key] = ReadAnyValue(pair.First(f => f.Number == 2).Bytes);
                    break;
            }
        }
        return new OtlpSpan(traceId, spanId, parentId, name, kind, attributes);
    }

    // AnyValue: string_value = 1, bool_value = 2, int_value = 3, double_value = 4.
    private static object ReadAnyValue(byte[] value)
    {
        var field = Fields(value).Single();
        return field.Number switch
        {
            1 => Encoding.UTF8.GetString(field.Bytes),
            2 => field.Value != 0,
            3 => (long)field.Value,
            4 => BitConverter.Int64BitsToDouble((long)field.Value),
            _ => throw new InvalidDataException($"AnyValue field {field.Number} is not read here"),
        };
    }

    private readonly record struct Field(int Number, ulong Value, byte[] Bytes);

    /// <summary>The fields of one protobuf message: varints, fixed 64/32-bit numbers, and length-delimited bytes.</summary>
    private static IEnumerable<Field> Fields(byte[] message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong tag = Varint(message, ref at);
            int number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, Varint(message, ref at), []);
                    break;
                case 1:
                    yield return new Field(number, BitConverter.ToUInt64(message, at), []);
                    at += 8;
                    break;
                case 2:
                    int length = (int)Varint(message, ref at);
                    yield return new Field(number, 0, message[at..(at + length)]);
                    at += length;
                    break;
                case 5:
                    yield return new Field(number, BitConverter.ToUInt32(message, at), []);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {tag & 7} is not read here");
            }
        }
    }

    private static ulong Varint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
