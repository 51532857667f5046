namespace Bootstrap.EmulatorSoak;

/// <summary>What the scripted bootstrap does with one event: answer it, crash on it, or hang past the timeout.</summary>
public enum Fault
{
    None,
    Crash,
    Hang,
}

/// <summary>
/// Picks each event's fault at random, at fixed rates. The fault travels inside the event, so the load generator
/// knows which answer each request must get. With a seed, the sequence of faults is the same on every run.
/// </summary>
public sealed class FaultPlan(double crashRate, double hangRate, int? seed = null)
{
    private readonly Random _random = seed is int s ? new Random(s) : Random.Shared;

    /// <summary>No faults: every event is answered by the function.</summary>
    public static readonly FaultPlan None = new(0, 0);

    public double CrashRate => crashRate;
    public double HangRate => hangRate;
    public bool IsEmpty => crashRate <= 0 && hangRate <= 0;

    public Fault Next()
    {
        double roll;
        lock (_random)
            roll = _random.NextDouble();
        return roll < crashRate ? Fault.Crash : roll < crashRate + hangRate ? Fault.Hang : Fault.None;
    }

    /// <summary>The marker the event carries; the scripted bootstrap looks for it.</summary>
    public static string Marker(Fault fault) => fault switch
    {
        Fault.Crash => "crash",
        Fault.Hang => "hang",
        _ => "none",
    };
}
