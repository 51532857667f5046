using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.XRay;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The emulator's X-Ray side, with a function (<see cref="TracedFunction"/>) that sends subsegment documents to
/// AWS_XRAY_DAEMON_ADDRESS: each sampled invocation's trace as Lambda records it, the function's subsegments under
/// the right parent, nothing for an unsampled one, and <c>--traces</c>' file.
/// </summary>
public sealed class XRayTraceTests : IAsyncLifetime
{
    private string _directory = "";
    private LocalFunction _function = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("traced-").FullName;
        _function = await LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = TracedFunction.WriteTo(_directory),
            Api = new RuntimeApiOptions { FunctionName = "shop", Timeout = TimeSpan.FromSeconds(20) },
        }, (_, _) => { });
    }

    public async Task DisposeAsync()
    {
        await _function.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_cold_start_is_traced_with_Initialization_Invocation_Overhead_and_the_functions_subsegments_under_the_header_parent()
    {
        var (result, trace) = await InvokeAndTraceAsync("""{"order":"o-1"}""");
        using var answer = JsonDocument.Parse(result.Outcome.Body);
        Assert.True(answer.RootElement.GetProperty("sampled").GetBoolean());
        var header = TraceHeader.Parse(answer.RootElement.GetProperty("traceId").GetString())!.Value;
        Assert.Matches("^1-[0-9a-f]{8}-[0-9a-f]{24}$", header.Root);
        Assert.Matches("^[0-9a-f]{16}$", header.Parent);

        var segment = trace.ToSegment();
        Assert.Equal("shop", (string?)segment["name"]);
        Assert.Equal(header.Root, (string?)segment["trace_id"]);
        Assert.Equal(header.Parent, (string?)segment["id"]);
        Assert.Equal("AWS::Lambda::Function", (string?)segment["origin"]);
        Assert.Null(segment["in_progress"]);
        var parts = segment["subsegments"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["Initialization", "Invocation", "Overhead", "charge card"], parts.Select(p => (string?)p["name"]));

        // The phases follow each other: spawn, the first /next, the reply, the end.
        double Time(JsonObject o, string field) => (double)o[field]!;
        var (init, invocation, overhead) = (parts[0], parts[1], parts[2]);
        Assert.Equal(Time(segment, "start_time"), Time(init, "start_time"), 3);
        Assert.True(Time(init, "end_time") > Time(init, "start_time"));
        Assert.Equal(Time(init, "end_time"), Time(invocation, "start_time"), 3);
        Assert.True(Time(invocation, "end_time") <= Time(overhead, "start_time") + 1e-6);
        Assert.Equal(Time(segment, "end_time"), Time(overhead, "end_time"), 3);

        var charge = parts[3];
        Assert.Equal("o-1", (string?)charge["annotations"]!["order"]);
        Assert.Null(charge["parent_id"]); // its parent is where it sits
        var bank = Assert.Single(charge["subsegments"]!.AsArray())!.AsObject();
        Assert.Equal("call bank", (string?)bank["name"]);
        Assert.True((bool)bank["fault"]!);
        Assert.Equal(503, (int)bank["http"]!["response"]!["status"]!);
        Assert.Equal("BankUnavailable", (string?)bank["cause"]!["exceptions"]![0]!["type"]);
    }

    [Fact]
    public async Task A_warm_invocation_has_no_Initialization_and_its_own_trace()
    {
        var (_, cold) = await InvokeAndTraceAsync("""{"order":"o-1"}""");
        var (_, warm) = await InvokeAndTraceAsync("""{"order":"o-2"}""");
        Assert.NotEqual(cold.TraceId, warm.TraceId);
        var parts = warm.ToSegment()["subsegments"]!.AsArray();
        Assert.Equal(["Invocation", "Overhead", "charge card"], parts.Select(p => (string?)p!["name"]));
        Assert.Equal("o-2", (string?)parts[2]!["annotations"]!["order"]);
    }

    [Fact]
    public async Task An_unsampled_invocation_is_not_traced_and_its_function_sends_nothing()
    {
        var traced = new List<InvocationTrace>();
        _function.Traces.Recorded += traced.Add;
        var unsampled = await _function.InvokeAsync("{}"u8.ToArray(),
            new InvokeOptions { TraceId = "Root=1-5f000000-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0" });
        Assert.False(unsampled.Outcome.IsError, Encoding.UTF8.GetString(unsampled.Outcome.Body));
        // A sampled one after it is recorded: had the first been traced, its trace would have come first.
        var (sampled, trace) = await InvokeAndTraceAsync("{}");
        Assert.Null(_function.Traces.Find(unsampled.RequestId));
        Assert.Equal(sampled.RequestId, Assert.Single(traced).RequestId);
        Assert.Equal(0, _function.Traces.Unmatched);
        Assert.Contains("\"sampled\": false", Encoding.UTF8.GetString(unsampled.Outcome.Body));
    }

    private async Task<(InvokeResult Result, InvocationTrace Trace)> InvokeAndTraceAsync(string payload)
    {
        var recorded = new TaskCompletionSource<InvocationTrace>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<InvocationTrace> onRecorded = t => recorded.TrySetResult(t);
        _function.Traces.Recorded += onRecorded;
        try
        {
            var result = await _function.InvokeAsync(Encoding.UTF8.GetBytes(payload));
            Assert.False(result.Outcome.IsError, Encoding.UTF8.GetString(result.Outcome.Body));
            var trace = await recorded.Task.WaitAsync(Patience.Default);
            Assert.Equal(result.RequestId, trace.RequestId);
            return (result, trace);
        }
        finally
        {
            _function.Traces.Recorded -= onRecorded;
        }
    }
}
