namespace LambdaBootstrap.Runtime;

/// <summary>
/// Code run around every invocation, once a feature that needs it is turned on (the <c>ColdStart</c> metric, the
/// invocation's <c>Activity</c>). The loop only knows this base class: a function that turns on neither carries
/// neither.
/// </summary>
internal abstract class InvocationObserver
{
    /// <summary>Before the handler runs; what it returns comes back to <see cref="OnEnd"/>.</summary>
    public abstract object? OnStart(LambdaContext context);

    /// <summary>After the reply; <paramref name="failure"/> is the handler's exception, if it threw.</summary>
    public abstract void OnEnd(LambdaContext context, object? state, Exception? failure);
}

/// <summary>The observers turned on in this process, in the order they were turned on; each at most once.</summary>
internal static class InvocationObservers
{
    private static readonly Lock s_lock = new();
    private static InvocationObserver[] s_all = [];

    public static InvocationObserver[] All => Volatile.Read(ref s_all);

    public static void Add(InvocationObserver observer)
    {
        lock (s_lock)
        {
            if (Array.IndexOf(s_all, observer) < 0)
                s_all = [.. s_all, observer];
        }
    }
}
