using System.Globalization;

namespace Bootstrap.Bench;

/// <summary>
/// A live process's memory and faults, read from /proc while it still runs (a bootstrap never exits by itself):
/// peak RSS (VmHWM of /proc/PID/status) and minor and major page faults (fields 10 and 12 of /proc/PID/stat).
/// </summary>
public sealed record ProcessSnapshot(long PeakRssKb, long MinorFaults, long MajorFaults)
{
    public static ProcessSnapshot Read(int pid)
    {
        long peak = -1;
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                break;
            }
        }
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        // "pid (comm) state ppid ...": count fields after the last ')', which ends the command name.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); minflt is field 10, majflt field 12.
        long minor = long.Parse(fields[10 - 3], CultureInfo.InvariantCulture);
        long major = long.Parse(fields[12 - 3], CultureInfo.InvariantCulture);
        if (peak < 0)
            throw new BenchException($"/proc/{pid}/status has no VmHWM line");
        return new ProcessSnapshot(peak, minor, major);
    }
}
