namespace LambdaBootstrap.Runtime.Extensions;

/// <summary>The lifecycle events of the Extensions API: what an extension registers for, and what <c>event/next</c> brings.</summary>
[Flags]
public enum ExtensionEventTypes
{
    /// <summary>No event.</summary>
    None = 0,
    /// <summary>An invocation started (<c>INVOKE</c>).</summary>
    Invoke = 1,
    /// <summary>The execution environment is shutting down (<c>SHUTDOWN</c>); only an external extension may register for it.</summary>
    Shutdown = 2,
}
