namespace Bootstrap.Bench;

/// <summary>
/// The readahead of the block device a file lives on (read_ahead_kb in sysfs, found through the file's mount in
/// /proc/self/mountinfo), or null when the file system has no block device. A page fault on a mapped binary reads
/// around it by up to this much, so it bounds how little of a binary a cold start can read.
/// </summary>
public static class DeviceReadahead
{
    public static int? KbFor(string path)
    {
        string file = Path.GetFullPath(path);
        string? device = null;
        int longest = -1;
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            // "id parent major:minor root mount-point options ...".
            string[] fields = line.Split(' ');
            if (fields.Length < 5)
                continue;
            string mount = fields[4];
            bool contains = mount == "/" || file == mount || file.StartsWith(mount + "/", StringComparison.Ordinal);
            if (contains && mount.Length > longest)
            {
                longest = mount.Length;
                device = fields[2];
            }
        }
        if (device is null || device.StartsWith("0:", StringComparison.Ordinal))
            return null;
        // A whole disk has its queue/; a partition's is its disk's, one level up.
        foreach (string candidate in new[] { $"/sys/dev/block/{device}/queue/read_ahead_kb", $"/sys/dev/block/{device}/../queue/read_ahead_kb" })
        {
            if (File.Exists(candidate) && int.TryParse(File.ReadAllText(candidate).Trim(), out int kb))
                return kb;
        }
        return null;
    }
}
