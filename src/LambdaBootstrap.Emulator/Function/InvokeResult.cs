using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>One finished invocation as the caller sees it, with the figures of its REPORT line.</summary>
internal sealed record InvokeResult(
    string RequestId,
    InvocationOutcome Outcome,
    double DurationMs,
    double? InitDurationMs,
    int MemorySizeMb,
    int? MaxMemoryUsedMb,
    string? EmulatedBy = null)
{
    /// <summary>The invocation's log, kept when the invoke asked for it (<see cref="RuntimeApi.InvokeOptions.TailLog"/>).</summary>
    public InvocationLog? Log { get; init; }

    /// <summary>
    /// The invoke phase after the runtime answered, until every extension called next again (Lambda's
    /// PostRuntimeExtensionsDuration metric); part of <see cref="DurationMs"/>. Null when no extension took the INVOKE event.
    /// </summary>
    public double? PostRuntimeExtensionsMs { get; init; }

    /// <summary>Lambda bills whole milliseconds; a custom runtime's init is billed too.</summary>
    public long BilledDurationMs => (long)Math.Ceiling(DurationMs + (InitDurationMs ?? 0));
}
