using System.Globalization;

namespace Bootstrap.Bench;

/// <summary>
/// How much of its binary a live process has mapped in: the Rss of its mappings of the file (/proc/PID/smaps), that
/// is the pages its start faulted in (with the kernel's fault-around neighbours, and copies of pages it wrote).
/// Beside the bytes read (<see cref="PageCache"/>), it separates what a start used from what readahead brought along.
/// </summary>
public static class MappedBinary
{
    public static long RssBytes(int pid, string path)
    {
        string file = Path.GetFullPath(path);
        long kb = 0;
        bool inFile = false;
        foreach (string line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            // A mapping's header: "start-end perms offset dev inode [path]"; its fields follow as "Name: value kB".
            if (IsHeader(line))
            {
                string[] parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                inFile = parts.Length == 6 && parts[5].Trim() == file;
            }
            else if (inFile && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                kb += long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }
        // Whole pages are mapped: the last one counts only up to the end of the file, as in the bytes read.
        return Math.Min(kb * 1024, new FileInfo(file).Length);
    }

    private static bool IsHeader(string line)
    {
        int space = line.IndexOf(' ');
        if (space <= 0)
            return false;
        var range = line.AsSpan(0, space);
        return range.Contains('-') && !range.ContainsAnyExcept("0123456789abcdef-");
    }
}
