namespace Bootstrap.Bench.Results;

/// <summary>
/// One BOOTSTRAP_PROFILE line lined up with the bench's spawn instant, in milliseconds: where init time goes.
/// <see cref="SpawnToOsStartMs"/> uses the OS's start time, which is only as fine as a clock tick (<see cref="TickMs"/>).
/// </summary>
public sealed record StartupPhases(
    double SpawnToOsStartMs,
    double SpawnToMainMs,
    double MainToConfigMs,
    double ConfigToHandlerMs,
    double HandlerToConnectMs,
    double ConnectToNextMs,
    double NextToReceivedMs,
    double CpuBeforeMainMs,
    double TickMs)
{
    /// <summary>The phases of the stacked bar, in order, with their labels.</summary>
    public static readonly string[] Labels =
    [
        "spawn → Main (exec, loader, .NET runtime start)",
        "Main → configuration read",
        "configuration → handler initialised",
        "handler → connection open",
        "connection → first /next sent",
        "/next sent → received by the API",
    ];

    public double[] Segments() =>
        [SpawnToMainMs, MainToConfigMs, ConfigToHandlerMs, HandlerToConnectMs, ConnectToNextMs, NextToReceivedMs];
}
