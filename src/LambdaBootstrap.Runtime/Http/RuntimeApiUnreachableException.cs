namespace LambdaBootstrap.Runtime.Http;

/// <summary>No connection to the Runtime API could be made within the connect budget.</summary>
internal sealed class RuntimeApiUnreachableException(RuntimeApiEndpoint endpoint, TimeSpan waited, string reason)
    : IOException($"cannot connect to the Runtime API at {endpoint} after {waited.TotalSeconds:0.0} s: {reason}");
