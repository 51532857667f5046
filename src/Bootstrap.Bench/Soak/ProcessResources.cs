using System.Globalization;

namespace Bootstrap.Bench.Soak;

/// <summary>What a live process holds: peak and current resident memory (VmHWM, VmRSS) and open file descriptors.</summary>
public sealed record ProcessResources(long PeakRssKb, long RssKb, int OpenFds)
{
    public static ProcessResources Read(int pid)
    {
        long peak = -1, rss = -1;
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = Kb(line);
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kb(line);
        }
        if (peak < 0 || rss < 0)
            throw new BenchException($"/proc/{pid}/status has no VmHWM or VmRSS line");
        return new ProcessResources(peak, rss, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }

    private static long Kb(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
