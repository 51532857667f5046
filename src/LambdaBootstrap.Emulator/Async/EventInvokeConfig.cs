namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// How a function's asynchronous invokes are handled, as a template's <c>EventInvokeConfig</c> and
/// <c>DeadLetterQueue</c> set it: retries, the oldest event still run, and where records and discarded events go.
/// </summary>
internal sealed record EventInvokeConfig
{
    /// <summary>Lambda's default and limits: up to 2 retries, events kept up to 6 hours.</summary>
    public const int DefaultMaximumRetryAttempts = 2;
    public static readonly TimeSpan DefaultMaximumEventAge = TimeSpan.FromHours(6);
    /// <summary>Lambda waits about a minute before the first retry; locally a few seconds, doubled for the second.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    public int MaximumRetryAttempts { get; init; } = DefaultMaximumRetryAttempts;
    public TimeSpan MaximumEventAge { get; init; } = DefaultMaximumEventAge;
    /// <summary>The delay before the first retry; each later retry waits twice the one before.</summary>
    public TimeSpan RetryDelay { get; init; } = DefaultRetryDelay;
    /// <summary>The ARN that gets the invocation record of an event that succeeded.</summary>
    public string? OnSuccess { get; init; }
    /// <summary>The ARN that gets the invocation record of an event discarded after its retries or for its age.</summary>
    public string? OnFailure { get; init; }
    /// <summary>The SQS queue's or SNS topic's ARN that gets a discarded event's payload.</summary>
    public string? DeadLetterQueue { get; init; }

    public static readonly EventInvokeConfig Default = new();

    /// <summary>The delay before retry <paramref name="retry"/> (1 for the first).</summary>
    public TimeSpan DelayBefore(int retry) => RetryDelay * Math.Pow(2, retry - 1);
}
