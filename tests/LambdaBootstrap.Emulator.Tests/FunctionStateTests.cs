using System.Collections.Concurrent;
using System.Text;
using LambdaBootstrap.Emulator.Function;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>What a local function tells its watchers (the web console): its state, each line with its invocation, each finished invocation.</summary>
public sealed class FunctionStateTests
{
    [Fact]
    public async Task A_function_goes_cold_running_warm_and_a_forced_cold_start_lets_the_invoke_under_way_finish()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("sleep");
        var function = emulator.Function;
        Assert.Equal(FunctionState.Cold, function.State);

        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        function.StateChanged += () =>
        {
            if (function.State == FunctionState.Running)
                running.TrySetResult();
        };
        var first = function.InvokeAsync("""{"ms": 800}"""u8.ToArray());
        await running.Task.WaitAsync(EmulatorUnderTest.Patience);
        Assert.Equal(FunctionState.Running, function.State);
        await function.ForceColdStartAsync();
        var answered = await first.WaitAsync(EmulatorUnderTest.Patience);
        Assert.False(answered.Outcome.IsError, answered.Outcome.BodyText);
        Assert.Equal(FunctionState.Cold, function.State);

        var cold = await function.InvokeAsync("""{"ms": 1}"""u8.ToArray());
        Assert.NotNull(cold.InitDurationMs);
        Assert.Equal(FunctionState.Warm, function.State);
        var warm = await function.InvokeAsync("""{"ms": 1}"""u8.ToArray());
        Assert.Null(warm.InitDurationMs);

        int changes = 0;
        function.StateChanged += () => Interlocked.Increment(ref changes);
        await function.ForceColdStartAsync();
        Assert.Equal(FunctionState.Cold, function.State);
        Assert.True(changes > 0);
        Assert.NotNull((await function.InvokeAsync("""{"ms": 1}"""u8.ToArray())).InitDurationMs);
    }

    [Fact]
    public async Task A_function_whose_init_fails_is_crashed_until_it_starts_again()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("no-such-handler");
        var result = await emulator.Function.InvokeAsync("{}"u8.ToArray());
        Assert.Equal("Runtime.HandlerNotFound", result.Outcome.ErrorType);
        Assert.Equal(FunctionState.Crashed, emulator.Function.State);
    }

    [Fact]
    public async Task Each_line_names_its_invocation_and_each_finished_invocation_is_told_once()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("fail");
        var lines = new ConcurrentQueue<FunctionLogLine>();
        var finished = new ConcurrentQueue<(string RequestId, string Payload)>();
        emulator.Function.LineLogged += lines.Enqueue;
        emulator.Function.InvocationFinished += (invocation, result) => finished.Enqueue((result.RequestId, Encoding.UTF8.GetString(invocation.Payload)));

        var result = await emulator.Function.InvokeAsync("""{"n": 1}"""u8.ToArray());
        var second = await emulator.Function.InvokeAsync("""{"n": 2}"""u8.ToArray());

        Assert.Equal([(result.RequestId, """{"n": 1}"""), (second.RequestId, """{"n": 2}""")], finished);
        var own = lines.Where(l => l.RequestId == result.RequestId).Select(l => l.Text).ToList();
        Assert.StartsWith("START RequestId: " + result.RequestId, own[0]);
        Assert.Contains(own, l => l.Contains("Invocation failed: InvalidOperationException: boom"));
        Assert.StartsWith("END RequestId: " + result.RequestId, own[^2]);
        Assert.StartsWith("REPORT RequestId: " + result.RequestId, own[^1]);
        Assert.DoesNotContain(lines, l => l.RequestId == result.RequestId && l.Text.Contains(second.RequestId));
    }

    [Fact]
    public async Task What_a_function_writes_before_replying_comes_before_its_END_and_belongs_to_it_every_time()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("fail");
        var lines = new ConcurrentQueue<FunctionLogLine>();
        emulator.Function.LineLogged += lines.Enqueue;
        for (int round = 0; round < 100; round++)
        {
            var result = await emulator.Function.InvokeAsync("{}"u8.ToArray());
            var own = lines.Where(l => l.RequestId == result.RequestId).Select(l => l.Text).ToList();
            int failed = own.FindIndex(l => l.Contains("Invocation failed: InvalidOperationException: boom"));
            int end = own.FindIndex(l => l.StartsWith("END RequestId: "));
            Assert.True(failed >= 0 && failed < end, $"round {round}: the function's line is not before END among its own lines:\n{string.Join('\n', own)}");
        }
    }
}
