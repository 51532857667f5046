using System.Runtime.CompilerServices;
using LambdaBootstrap.Runtime.Handlers;

namespace RuntimeTests;

/// <summary>How the invocation loop waits for a handler that did not finish synchronously.</summary>
public class HandlerCompletionTests
{
    private static async ValueTask<int> LaterAsync(int value)
    {
        await Task.Delay(20);
        return value;
    }

    // A value task backed by a pooled source rather than a Task: the kind AsTask() needed its adapter for.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<int> PooledLaterAsync(int value)
    {
        await Task.Delay(20);
        return value;
    }

    private static async ValueTask<int> FailLaterAsync()
    {
        await Task.Delay(20);
        throw new InvalidOperationException("late failure");
    }

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
        Assert.Equal(42, HandlerCompletion.Wait(pending));
    }

    [Fact]
    public void Wait_ReturnsTheResultOfAPooledValueTaskSource()
    {
        var pending = PooledLaterAsync(7);
        Assert.False(pending.IsCompleted);
        Assert.Equal(7, HandlerCompletion.Wait(pending));
    }

    [Fact]
    public void Wait_ReturnsAtOnceWhenAlreadyComplete() =>
        Assert.Equal(3, HandlerCompletion.Wait(new ValueTask<int>(3)));

    [Fact]
    public void Wait_ThrowsTheHandlersOwnExceptionWithItsFrames()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HandlerCompletion.Wait(FailLaterAsync()));
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
