using System.IO.MemoryMappedFiles;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// What a process has mapped in of a file, read from its smaps: nothing before it maps it, every page once it has
/// touched them all, and for one touched page of a large file at least that page and no more than the kernel's
/// fault-around window. The file sits beside the test binaries, on a disk-backed file system.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class MappedBinaryTests : IDisposable
{
    private static readonly int Page = Environment.SystemPageSize;
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "mapped-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void A_file_counts_from_zero_to_the_pages_the_process_touched()
    {
        string path = Path.Combine(_directory, "small");
        File.WriteAllBytes(path, new byte[16 * Page]);
        Assert.Equal(0, MappedBinary.RssBytes(Environment.ProcessId, path));

        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        long sum = 0;
        for (long offset = 0; offset < 16 * Page; offset += Page)
            sum += view.ReadByte(offset);
        Assert.Equal(0, sum);
        Assert.Equal(16 * Page, MappedBinary.RssBytes(Environment.ProcessId, path));
    }

    [Fact]
    public void One_touched_page_of_an_evicted_file_maps_that_page_and_its_fault_around_neighbours_only()
    {
        string path = Path.Combine(_directory, "large");
        File.WriteAllBytes(path, new byte[1024 * Page]);
        PageCache.Evict(path);

        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        view.ReadByte(512L * Page);
        Assert.InRange(MappedBinary.RssBytes(Environment.ProcessId, path), Page, 64 * 1024);
    }

    [Fact]
    public void The_readahead_of_a_file_on_a_disk_is_a_size_and_a_virtual_file_system_has_none()
    {
        Assert.Null(DeviceReadahead.KbFor("/proc/self/stat"));
        if (DeviceReadahead.KbFor(AppContext.BaseDirectory) is { } kb)
            Assert.InRange(kb, 0, 1 << 20);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
