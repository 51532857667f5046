namespace LambdaBootstrap.Emulator.Async;

/// <summary>One run of an asynchronous event: when it started, and the error type when it failed.</summary>
internal sealed record AsyncAttempt(int Number, DateTimeOffset StartedAt, string? ErrorType)
{
    public bool Failed => ErrorType is not null;
}
