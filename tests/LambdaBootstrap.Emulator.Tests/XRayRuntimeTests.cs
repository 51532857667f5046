using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.XRay;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The runtime's X-Ray side against the emulator's: the AOT test function's <c>observed</c> handler opens a
/// subsegment with <c>context.Trace</c>, and the emulator's recorded trace holds it under the function segment, sent
/// with the trace id and parent the emulator's header gave it.
/// </summary>
public sealed class XRayRuntimeTests : IAsyncLifetime
{
    private LocalFunction _function = null!;
    private readonly ConcurrentQueue<JsonObject> _received = new();

    public async Task InitializeAsync()
    {
        _function = await LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = BootstrapBinaries.TestFunction,
            Handler = "observed",
            Api = new RuntimeApiOptions { FunctionName = "orders", Timeout = TimeSpan.FromSeconds(20) },
        }, (_, _) => { });
        _function.Traces.Daemon.DocumentReceived += document => _received.Enqueue((JsonObject)document.DeepClone());
    }

    public async Task DisposeAsync() => await _function.DisposeAsync();

    [Fact]
    public async Task The_runtime_s_subsegment_is_in_the_emulator_s_trace_under_the_function_segment_with_its_trace_id_and_parent()
    {
        var recorded = new TaskCompletionSource<InvocationTrace>(TaskCreationOptions.RunContinuationsAsynchronously);
        _function.Traces.Recorded += t => recorded.TrySetResult(t);

        var result = await _function.InvokeAsync("{}"u8.ToArray());
        Assert.False(result.Outcome.IsError, Encoding.UTF8.GetString(result.Outcome.Body));
        var trace = await recorded.Task.WaitAsync(Patience.Default);
        Assert.Equal(result.RequestId, trace.RequestId);

        // What the runtime sent: the header's Root as its trace id, the header's Parent (the function segment) as its parent.
        var sent = Assert.Single(_received);
        Assert.Equal("charge card", (string?)sent["name"]);
        Assert.Equal(trace.TraceId, (string?)sent["trace_id"]);
        Assert.Equal(trace.SegmentId, (string?)sent["parent_id"]);
        Assert.Equal(0, _function.Traces.Unmatched);

        // What the emulator made of it: a cold start, and the runtime's subsegment in the function segment, after the
        // event was handed out and before the trace ended.
        var segment = trace.ToSegment();
        Assert.Equal(trace.TraceId, (string?)segment["trace_id"]);
        Assert.Equal(trace.SegmentId, (string?)segment["id"]);
        var parts = segment["subsegments"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["Initialization", "Invocation", "Overhead", "charge card"], parts.Select(p => (string?)p["name"]));
        var (invocation, charge) = (parts[1], parts[3]);
        Assert.Equal((string?)sent["id"], (string?)charge["id"]);
        Assert.Equal("A-1", (string?)charge["annotations"]!["order"]);
        double Time(JsonObject o, string field) => (double)o[field]!;
        Assert.InRange(Time(charge, "start_time"), Time(invocation, "start_time") - 1e-3, Time(charge, "end_time"));
        Assert.InRange(Time(charge, "end_time"), Time(charge, "start_time"), Time(segment, "end_time"));
    }
}
