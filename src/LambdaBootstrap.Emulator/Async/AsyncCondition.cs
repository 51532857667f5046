namespace LambdaBootstrap.Emulator.Async;

/// <summary>How an asynchronous event ended, under the names of the invocation record's <c>condition</c>.</summary>
internal enum AsyncCondition
{
    /// <summary>Still queued, waiting for a retry, or running.</summary>
    Pending,
    Success,
    RetriesExhausted,
    EventAgeExceeded,
}
