using System.Text.Json;
using LambdaBootstrap.Emulator.XRay;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The trace header the AOT bootstrap's <c>context</c> handler sees under the emulator, and the Invoke API's <c>X-Amzn-Trace-Id</c>.</summary>
public sealed class XRayHeaderTests
{
    [Fact]
    public async Task The_function_sees_a_sampled_header_whose_Parent_is_its_traces_segment()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("context");
        var recorded = new TaskCompletionSource<InvocationTrace>(TaskCreationOptions.RunContinuationsAsynchronously);
        emulator.Function.Traces.Recorded += t => recorded.TrySetResult(t);
        using var response = await emulator.InvokeAsync("{}");
        using var context = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string traceId = context.RootElement.GetProperty("traceId").GetString()!;
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", traceId);
        Assert.Equal(traceId, context.RootElement.GetProperty("traceEnv").GetString());

        var trace = await recorded.Task.WaitAsync(Until.Patience);
        var header = TraceHeader.Parse(traceId)!.Value;
        Assert.Equal((header.Root, header.Parent), (trace.TraceId, trace.SegmentId));
        Assert.NotNull(trace.InitializationStart); // the first invoke started cold
    }

    [Fact]
    public async Task A_callers_unsampled_X_Amzn_Trace_Id_reaches_the_function_and_leaves_the_invocation_untraced()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("context");
        const string unsampled = "Root=1-5f000000-00000000000000000000abcd;Parent=00000000000000ab;Sampled=0";
        using var response = await emulator.InvokeAsync("{}", r => r.Headers.Add("X-Amzn-Trace-Id", unsampled));
        using var context = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(unsampled, context.RootElement.GetProperty("traceId").GetString());
        string requestId = context.RootElement.GetProperty("awsRequestId").GetString()!;
        Assert.Null(emulator.Function.Traces.Find(requestId));
    }
}
