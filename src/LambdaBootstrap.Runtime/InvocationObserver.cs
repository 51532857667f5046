namespace LambdaBootstrap.Runtime;

/// <summary>
/// Code run around every invocation, once a feature that needs it is turned on (the <c>ColdStart</c> metric, the
/// invocation's <c>Activity</c>). The loop only calls the virtual <see cref="Start"/> and <see cref="End"/> of
/// <see cref="InvocationObservers.Current"/>, which is null until a feature turns one on: with no observer ever made,
/// the compiler leaves all of this code out.
/// </summary>
internal abstract class InvocationObserver
{
    /// <summary>Before the handler runs; what it returns comes back to <see cref="OnEnd"/>.</summary>
    public abstract object? OnStart(LambdaContext context);

    /// <summary>After the reply; <paramref name="failure"/> is the handler's exception, if it threw.</summary>
    public abstract void OnEnd(LambdaContext context, object? state, Exception? failure);

    /// <summary><see cref="OnStart"/>, whose failure is logged and never fails the invocation.</summary>
    public virtual object? Start(LambdaContext context)
    {
        try
        {
            return OnStart(context);
        }
        catch (Exception e)
        {
            context.Log(Logging.LogLevel.Error, $"at the invocation's start: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary><see cref="OnEnd"/>, whose failure is logged and never fails the invocation.</summary>
    public virtual void End(LambdaContext context, object? state, Exception? failure)
    {
        try
        {
            OnEnd(context, state, failure);
        }
        catch (Exception e)
        {
            context.Log(Logging.LogLevel.Error, $"at the invocation's end: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Whether <paramref name="observer"/> is this one, or one of those it runs.</summary>
    public virtual bool Includes(InvocationObserver observer) => observer == this;
}

/// <summary>The observers turned on in this process, in the order they were turned on; each at most once.</summary>
internal static class InvocationObservers
{
    // Null until a feature turns an observer on; no static constructor, so reading it costs nothing.
    private static InvocationObserver? s_current;

    /// <summary>What the loop runs around each invocation: null, one observer, or a pair of them.</summary>
    public static InvocationObserver? Current => Volatile.Read(ref s_current);

    public static void Add(InvocationObserver observer)
    {
        lock (Registry.Lock)
        {
            var current = s_current;
            if (current is not null && current.Includes(observer))
                return;
            Volatile.Write(ref s_current, current is null ? observer : new InvocationObserverPair(current, observer));
        }
    }

    // Only Add touches it: a function that turns nothing on never makes the lock.
    private static class Registry
    {
        public static readonly Lock Lock = new();
    }
}
