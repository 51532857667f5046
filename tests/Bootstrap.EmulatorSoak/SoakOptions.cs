namespace Bootstrap.EmulatorSoak;

/// <summary>One run: which emulator and bootstrap, how long, how many clients, and the faults injected.</summary>
public sealed record SoakOptions
{
    public required string EmulatorDll { get; init; }
    /// <summary>The bootstrap to run; null: the scripted bootstrap (<see cref="ScriptedBootstrap"/>).</summary>
    public string? Bootstrap { get; init; }
    public string? Handler { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Concurrent clients: more than the queue bound, so that 429s happen.</summary>
    public int Clients { get; init; } = 128;
    public int MaxConcurrency { get; init; } = 1;
    public int MaxQueued { get; init; } = 100;
    public int TimeoutSeconds { get; init; } = 1;
    public FaultPlan Faults { get; init; } = FaultPlan.None;
    /// <summary>The memory bar: the emulator's RSS at the end may exceed the RSS after warm-up by this fraction at most.</summary>
    public double MaxRssGrowth { get; init; } = 0.10;
    /// <summary>
    /// Until the emulator's memory settles: its ledger fills up to the settled invocations it keeps, the JIT reaches
    /// its final code and the garbage collector its budgets. Measured: flat from 20 to 30 s on.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(30);
}
