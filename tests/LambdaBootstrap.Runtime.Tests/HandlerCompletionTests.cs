using System.Runtime.CompilerServices;
using LambdaBootstrap.Runtime.Handlers;

namespace RuntimeTests;

/// <summary>How the invocation loop waits for a handler that did not finish synchronously.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class HandlerCompletionTests
{
    // Each "later" task waits on a gate the test opens from another thread while Wait blocks: it completes later for certain.
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async ValueTask<int> LaterAsync(int value)
    {
        await _gate.Task;
        return value;
    }

    // A value task backed by a pooled source rather than a Task: the kind AsTask() needed its adapter for.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> PooledLaterAsync(int value)
    {
        await _gate.Task;
        return value;
    }

    private async ValueTask<int> FailLaterAsync()
    {
        await _gate.Task;
        throw new InvalidOperationException("late failure");
    }

    private void OpenTheGateFromAnotherThread() => ThreadPool.QueueUserWorkItem(_ => _gate.SetResult());

    private static async ValueTask FailLaterNoResultAsync()
    {
        await Task.Yield();
        throw new TimeoutException("late, no result");
    }

    [Fact]
    public void Wait_ReturnsTheResultOfATaskThatCompletesLater()
    {
        var pending = LaterAsync(42);
        Assert.False(pending.IsCompleted);
        OpenTheGateFromAnotherThread();
        Assert.Equal(42, HandlerCompletion.Wait(pending));
    }

    [Fact]
    public void Wait_ReturnsTheResultOfAPooledValueTaskSource()
    {
        var pending = PooledLaterAsync(7);
        Assert.False(pending.IsCompleted);
        OpenTheGateFromAnotherThread();
        Assert.Equal(7, HandlerCompletion.Wait(pending));
    }

    [Fact]
    public void Wait_ReturnsAtOnceWhenAlreadyComplete() =>
        Assert.Equal(3, HandlerCompletion.Wait(new ValueTask<int>(3)));

    [Fact]
    public void Wait_ThrowsTheHandlersOwnExceptionWithItsFrames()
    {
        var pending = FailLaterAsync();
        OpenTheGateFromAnotherThread();
        var e = Assert.Throws<InvalidOperationException>(() => HandlerCompletion.Wait(pending));
        Assert.Equal("late failure", e.Message);
        Assert.Contains(nameof(FailLaterAsync), e.StackTrace);
    }

    [Fact]
    public void Wait_WithoutResult_ThrowsTheHandlersOwnException()
    {
        var e = Assert.Throws<TimeoutException>(() => HandlerCompletion.Wait(FailLaterNoResultAsync()));
        Assert.Equal("late, no result", e.Message);
    }
}
