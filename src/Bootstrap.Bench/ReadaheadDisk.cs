using System.Globalization;
using System.Runtime.InteropServices;
using Bootstrap.Bench.Native;

namespace Bootstrap.Bench;

/// <summary>
/// A small ext4 disk of the bench's own, with a readahead it sets: an image file, attached to a loop device
/// (direct I/O, so reads reach the real disk in the loop device's own requests, not the machine's page cache and
/// readahead), formatted and mounted under the bench's build folder. The cold-disk starts run copies of the binaries
/// from it, so the bytes a start reads follow the readahead Lambda's guest kernel uses (128 kB, the kernel's default)
/// rather than the machine's disk. Only this loop device's read_ahead_kb is set. Needs root and a loop device.
/// Dispose (also run on SIGINT, SIGTERM and SIGHUP) unmounts it, detaches the loop device and deletes the image.
/// </summary>
public sealed class ReadaheadDisk : IDisposable
{
    /// <summary>The kernel's default readahead, which Lambda's guest kernel keeps.</summary>
    public const int LambdaReadaheadKb = 128;

    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);
    private readonly object _gate = new();
    private readonly string _folder;
    private readonly string _image;
    private readonly List<PosixSignalRegistration> _signals = [];
    private string? _device;
    private bool _mounted;
    private bool _disposed;

    private ReadaheadDisk(string folder)
    {
        _folder = folder;
        _image = Path.Combine(folder, "disk.img");
        MountPoint = Path.Combine(folder, "mnt");
    }

    /// <summary>The loop device, e.g. /dev/loop3.</summary>
    public string Device => _device ?? throw new ObjectDisposedException(nameof(ReadaheadDisk));

    /// <summary>Where the disk is mounted: the binaries placed on it live under here.</summary>
    public string MountPoint { get; }

    /// <summary>read_ahead_kb of the loop device, as read back from sysfs after setting it.</summary>
    public int ReadaheadKb { get; private set; }

    /// <summary>Whether the loop device reads its image with direct I/O (sysfs loop/dio), as asked; some file systems refuse it.</summary>
    public bool DirectIo => File.Exists(DioSetting) && File.ReadAllText(DioSetting).Trim() == "1";

    private string DioSetting => $"/sys/block/{Path.GetFileName(Device)}/loop/dio";

    /// <summary>
    /// Why a disk cannot be made here (not root, no loop devices, a tool missing), in one line; null if it can.
    /// </summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
            return "loop devices are a Linux feature";
        if (Libc.GetEffectiveUserId() != 0)
            return "it needs root (to attach a loop device and mount it)";
        if (!File.Exists("/dev/loop-control"))
            return "this machine has no loop devices (/dev/loop-control is missing)";
        foreach (string tool in new[] { "losetup", "mkfs.ext4", "mount", "umount" })
        {
            if (Tool(tool) is null)
                return $"{tool} is not installed (util-linux, e2fsprogs, mount)";
        }
        return null;
    }

    /// <summary>
    /// Makes a disk in <paramref name="folder"/> with room for <paramref name="capacityBytes"/> of files and the given
    /// readahead. Leftovers of an earlier run killed outright (a mount, an attached image) are cleaned up first.
    /// </summary>
    public static ReadaheadDisk Create(string folder, long capacityBytes, int readaheadKb)
    {
        if (readaheadKb <= 0)
            throw new BenchException($"a readahead disk needs a readahead of 1 kB or more, got {readaheadKb}");
        if (Unavailable() is { } reason)
            throw new BenchException($"cannot make a disk with {readaheadKb} kB readahead: {reason}");
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var disk = new ReadaheadDisk(folder);
        try
        {
            disk.CleanUpLeftovers();
            disk.Build(capacityBytes, readaheadKb);
            return disk;
        }
        catch
        {
            disk.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A copy of <paramref name="source"/> on this disk, in a folder of its own named <paramref name="name"/>, with
    /// the same file name and mode, written through to the disk.
    /// </summary>
    public string Place(string name, string source)
    {
        string folder = Path.Combine(MountPoint, name);
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target, overwrite: true); // with its mode: an executable stays one
        PageCache.Evict(target);
        return target;
    }

    private void Build(long capacityBytes, int readaheadKb)
    {
        // Room for the files twice over, plus ext4's own: a sparse file, so unused space costs nothing.
        long size = Math.Max(capacityBytes * 2 + (32L << 20), 64L << 20);
        using (var image = new FileStream(_image, FileMode.Create, FileAccess.Write))
            image.SetLength(size);
        _device = Command("losetup", ["--find", "--show", "--direct-io=on", _image], "attaching the disk image to a loop device").Trim();
        if (!_device.StartsWith("/dev/loop", StringComparison.Ordinal))
            throw new BenchException($"losetup gave '{_device}', not a loop device");
        Command("mkfs.ext4", ["-q", "-b", "4096", "-E", "lazy_itable_init=0,lazy_journal_init=0", _device], $"formatting {_device}");
        Directory.CreateDirectory(MountPoint);
        Command("mount", ["-t", "ext4", "-o", "noatime", _device, MountPoint], $"mounting {_device} on {MountPoint}");
        _mounted = true;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Dispose()));

        string setting = $"/sys/block/{Path.GetFileName(_device)}/queue/read_ahead_kb";
        File.WriteAllText(setting, readaheadKb.ToString(CultureInfo.InvariantCulture));
        ReadaheadKb = int.Parse(File.ReadAllText(setting).Trim(), CultureInfo.InvariantCulture);
        if (ReadaheadKb != readaheadKb)
            throw new BenchException($"{setting} is {ReadaheadKb} after writing {readaheadKb} to it");
    }

    /// <summary>A mount on our mount point, or our image attached to a loop device, left by a run that was killed.</summary>
    private void CleanUpLeftovers()
    {
        if (IsMounted(MountPoint))
            Command("umount", ["-l", MountPoint], $"unmounting the leftover {MountPoint}");
        if (File.Exists(_image))
        {
            foreach (string line in Command("losetup", ["-j", _image], "finding loop devices left on the image").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Command("losetup", ["-d", line.Split(':')[0]], $"detaching the leftover {line.Split(':')[0]}");
            File.Delete(_image);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a mount point now (/proc/self/mountinfo).</summary>
    public static bool IsMounted(string path)
    {
        string full = Path.GetFullPath(path);
        return File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ') is { Length: > 4 } fields && fields[4] == full);
    }

    /// <summary>Whether <paramref name="device"/> is attached to a file (its sysfs loop/backing_file exists).</summary>
    public static bool IsAttached(string device) => File.Exists($"/sys/block/{Path.GetFileName(device)}/loop/backing_file");

    /// <summary>Unmounts, detaches and deletes the image; safe to call twice and from a signal handler.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            var problems = new List<string>();
            if (_mounted)
            {
                try
                {
                    Command("umount", [MountPoint], $"unmounting {MountPoint}");
                }
                catch (BenchException)
                {
                    // Busy (a process still has a file open): detach it now, the kernel finishes when it is free.
                    try { Command("umount", ["-l", MountPoint], $"unmounting {MountPoint}"); }
                    catch (BenchException e) { problems.Add(e.Message); }
                }
            }
            if (_device is not null)
            {
                try { Command("losetup", ["-d", _device], $"detaching {_device}"); }
                catch (BenchException e) { problems.Add(e.Message); }
            }
            try
            {
                File.Delete(_image);
                if (Directory.Exists(MountPoint) && !IsMounted(MountPoint))
                    Directory.Delete(MountPoint);
            }
            catch (IOException e)
            {
                problems.Add(e.Message);
            }
            foreach (var signal in _signals)
                signal.Dispose();
            if (problems.Count > 0)
                Console.Error.WriteLine($"bootstrap-bench: cleaning up the readahead disk in {_folder}: {string.Join("; ", problems)}");
        }
    }

    private static string Command(string tool, string[] arguments, string what) =>
        ExternalCommand.Run(Tool(tool) ?? tool, arguments, what, CommandLimit);

    /// <summary>The tool's full path: on PATH, or in the sbin folders a non-login shell may leave off it.</summary>
    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
