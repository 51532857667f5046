namespace Bootstrap.Bench.Native;

/// <summary>
/// CLOCK_MONOTONIC in nanoseconds: the clock the bench stamps spawns and messages with, and the one a
/// bootstrap's BOOTSTRAP_PROFILE line is written in, so the two line up.
/// </summary>
internal static unsafe class MonotonicClock
{
    public static long Now()
    {
        Libc.TimeSpec time;
        Libc.ClockGetTime(Libc.CLOCK_MONOTONIC, &time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    public static double Ms(long nanoseconds) => nanoseconds / 1e6;
}
