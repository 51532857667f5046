using System.Diagnostics;

namespace LambdaBootstrap.Runtime.Handlers;

/// <summary>
/// Blocks the invocation loop until a handler's <see cref="ValueTask"/> completes, then returns its result or throws
/// its exception as <c>await</c> would. Not <c>AsTask()</c>: that keeps .NET's adapter from a value task source to a
/// task, and with it CancellationTokenSource, whose boxed state enum makes enum names (and with them the reflection
/// stack) part of every bootstrap.
/// </summary>
[StackTraceHidden]
internal static class HandlerCompletion
{
    public static T Wait<T>(ValueTask<T> pending)
    {
        var awaiter = pending.ConfigureAwait(false).GetAwaiter();
        if (!awaiter.IsCompleted)
            Block(awaiter.UnsafeOnCompleted);
        return awaiter.GetResult();
    }

    public static void Wait(ValueTask pending)
    {
        var awaiter = pending.ConfigureAwait(false).GetAwaiter();
        if (!awaiter.IsCompleted)
            Block(awaiter.UnsafeOnCompleted);
        awaiter.GetResult();
    }

    private static void Block(Action<Action> onCompleted)
    {
        using var done = new ManualResetEventSlim();
        onCompleted(done.Set);
        done.Wait();
    }
}
