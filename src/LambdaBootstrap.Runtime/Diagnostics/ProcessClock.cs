using System.Buffers.Text;
using LambdaBootstrap.Runtime.Native;
using static LambdaBootstrap.Runtime.Native.Libc;

namespace LambdaBootstrap.Runtime.Diagnostics;

/// <summary>
/// The OS's clocks, in nanoseconds, and when the OS says this process started. Used only by
/// <see cref="StartupProfile"/>; nothing here runs unless BOOTSTRAP_PROFILE=1.
/// </summary>
internal static unsafe class ProcessClock
{
    /// <summary>CLOCK_MONOTONIC: the clock every stamp of the profile is on, shared by all processes of the machine.</summary>
    public static long MonotonicNs() => Now(CLOCK_MONOTONIC);

    /// <summary>CPU time the whole process has used so far (all threads).</summary>
    public static long ProcessCpuNs() => Now(CLOCK_PROCESS_CPUTIME_ID);

    /// <summary>Nanoseconds per clock tick, the unit of /proc's times (10 ms on Linux).</summary>
    public static long TickNs()
    {
        long ticks = SysConf(_SC_CLK_TCK);
        return ticks > 0 ? 1_000_000_000 / ticks : 10_000_000;
    }

    /// <summary>
    /// When the OS started this process (field 22 of /proc/self/stat, in clock ticks since boot), on
    /// CLOCK_MONOTONIC. Only as fine as a clock tick: see <see cref="TickNs"/>. Null if /proc cannot be read.
    /// </summary>
    public static long? StartMonotonicNs()
    {
        byte* buffer = stackalloc byte[1024];
        int fd = Open("/proc/self/stat", 0);
        if (fd < 0)
            return null;
        nint length = Read(fd, buffer, 1024);
        Close(fd);
        if (length <= 0)
            return null;
        var stat = new ReadOnlySpan<byte>(buffer, (int)length);
        // "pid (comm) state ppid ...": the command may hold spaces or parentheses, so count from the last ')'.
        int close = stat.LastIndexOf((byte)')');
        if (close < 0)
            return null;
        var rest = stat[(close + 2)..];
        for (int field = 3; field < 22; field++)
        {
            int space = rest.IndexOf((byte)' ');
            if (space < 0)
                return null;
            rest = rest[(space + 1)..];
        }
        if (!Utf8Parser.TryParse(rest, out long startTicks, out _))
            return null;
        long bootToMonotonic = Now(CLOCK_BOOTTIME) - Now(CLOCK_MONOTONIC);
        return startTicks * TickNs() - bootToMonotonic;
    }

    private static long Now(int clock)
    {
        Libc.TimeSpec time;
        return ClockGetTime(clock, &time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
    }
}
