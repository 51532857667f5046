namespace Bootstrap.EmulatorSoak;

/// <summary>How one request to the Invoke API was answered, judged against the fault its event carried.</summary>
public enum Answer
{
    /// <summary>200 with the event echoed back: the function's answer to this very request.</summary>
    Echoed,
    /// <summary>200, X-Amz-Function-Error, Runtime.ExitError: the bootstrap died during the invocation.</summary>
    ExitError,
    /// <summary>200, X-Amz-Function-Error, Sandbox.Timedout: the invocation ran past the timeout.</summary>
    TimedOut,
    /// <summary>429 TooManyRequestsException: the queue was full; the function never saw the event.</summary>
    Throttled,
    /// <summary>A 5xx: never allowed.</summary>
    ServerError,
    /// <summary>Anything else: another status, another request's echo, an error the event's fault does not explain.</summary>
    Wrong,
    /// <summary>No answer: the connection failed or the client gave up waiting.</summary>
    Unanswered,
}
