using System.IO.MemoryMappedFiles;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// The loop disk the cold-disk starts run from, made for real (as root, which CI is): it has the readahead asked
/// for, a file on it faulted in at one page after an eviction is read around that page by about the readahead
/// window (not the whole file, as a disk with a large readahead would), and disposing leaves no mount, loop device or image.
/// Without root, making one is refused with the one-line reason the bench prints.
/// </summary>
public sealed class ReadaheadDiskTests : IDisposable
{
    private const int Kb = 1024;
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "readahead-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void A_disk_is_set_up_with_the_readahead_asked_for()
    {
        if (RefusedWithoutRoot())
            return;
        using var disk = ReadaheadDisk.Create(_folder, 4 << 20, 64);
        string setting = $"/sys/block/{Path.GetFileName(disk.Device)}/queue/read_ahead_kb";
        Assert.Equal("64", File.ReadAllText(setting).Trim());
        Assert.Equal(64, disk.ReadaheadKb);
        Assert.True(disk.DirectIo, "the loop device reads its image with buffered I/O, through the machine's own readahead");
        Assert.True(ReadaheadDisk.IsMounted(disk.MountPoint));
        Assert.StartsWith(Path.GetFullPath(_folder), disk.MountPoint);

        string placed = disk.Place("floor", WriteFile(Path.Combine(_folder, "source"), 256 * Kb));
        Assert.Equal(Path.Combine(disk.MountPoint, "floor", "source"), placed);
        Assert.Equal(64, DeviceReadahead.KbFor(placed));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "source")), File.ReadAllBytes(placed));
    }

    [Fact]
    public void A_file_on_it_faulted_in_at_one_page_after_eviction_reads_about_the_window_not_the_whole_file()
    {
        if (RefusedWithoutRoot())
            return;
        using var disk = ReadaheadDisk.Create(_folder, 16 << 20, 128);
        string file = disk.Place("big", WriteFile(Path.Combine(_folder, "big"), 8 << 20));
        PageCache.Evict(file);
        Assert.Equal(0, PageCache.ResidentBytes(file));

        // One byte from the middle of a mapping of it: a page fault, which reads the window around it, as a binary's do.
        using (var map = MemoryMappedFile.CreateFromFile(file, FileMode.Open, null, 0, MemoryMappedFileAccess.Read))
        using (var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read))
            view.ReadByte(4 << 20);

        long read = PageCache.ResidentBytesSettled(file);
        Assert.InRange(read, 128 * Kb / 2, 2 * 128 * Kb);
    }

    [Fact]
    public void Disposing_leaves_no_mount_loop_device_or_image()
    {
        if (RefusedWithoutRoot())
            return;
        var disk = ReadaheadDisk.Create(_folder, 1 << 20, 128);
        string device = disk.Device;
        string mount = disk.MountPoint;
        disk.Place("a", WriteFile(Path.Combine(_folder, "a"), 64 * Kb));
        Assert.True(ReadaheadDisk.IsAttached(device));

        disk.Dispose();
        Assert.False(ReadaheadDisk.IsMounted(mount));
        Assert.DoesNotContain(mount, File.ReadAllText("/proc/self/mountinfo"));
        Assert.False(File.Exists(Path.Combine(_folder, "disk.img")));
        Assert.False(IsOurs(device), $"{device} is still attached to the image");
        disk.Dispose();
    }

    /// <summary>Without root, or without loop devices: a clear one-line refusal, and nothing more to test.</summary>
    private bool RefusedWithoutRoot()
    {
        if (ReadaheadDisk.Unavailable() is not { } reason)
            return false;
        var e = Assert.Throws<BenchException>(() => ReadaheadDisk.Create(_folder, 1 << 20, 128));
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return true;
    }

    /// <summary>Whether the device is (still) attached to an image in this test's folder; another may reuse the number.</summary>
    private bool IsOurs(string device)
    {
        string backing = $"/sys/block/{Path.GetFileName(device)}/loop/backing_file";
        return File.Exists(backing) && File.ReadAllText(backing).Trim().StartsWith(_folder, StringComparison.Ordinal);
    }

    private static string WriteFile(string path, int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
