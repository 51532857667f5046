using Bootstrap.Bench.Native;
using Microsoft.Win32.SafeHandles;

namespace Bootstrap.Bench.Tests;

/// <summary>
/// The bytes-read measurement on a real file: evicted, it has nothing cached; after reading a known range with
/// readahead off, exactly that range is cached, and the last page counts only up to the end of the file.
/// The file sits beside the test binaries, on a disk-backed file system (tmpfs pages cannot be evicted).
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class PageCacheTests : IDisposable
{
    private const int PosixFadviseRandom = 1;
    private static readonly int Page = Environment.SystemPageSize;
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "page-cache-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void An_evicted_file_has_nothing_cached_and_a_read_range_is_counted_exactly()
    {
        string path = WriteFile(64 * Page);
        PageCache.Evict(path);
        Assert.Equal(0, PageCache.ResidentBytes(path));

        ReadWithoutReadahead(path, offset: 10 * Page, length: 4 * Page);
        Assert.Equal(4 * Page, PageCache.ResidentBytes(path));
        Assert.Equal(4.0 / 64, PageCache.ResidentFraction(path), 6);

        ReadWithoutReadahead(path, offset: 40 * Page, length: 1);
        Assert.Equal(5 * Page, PageCache.ResidentBytes(path));
    }

    [Fact]
    public void The_last_page_counts_only_up_to_the_end_of_the_file()
    {
        string path = WriteFile(8 * Page + 100);
        PageCache.Evict(path);
        ReadWithoutReadahead(path, offset: 8 * Page, length: 100);
        Assert.Equal(100, PageCache.ResidentBytes(path));
    }

    [Fact]
    public void Reading_the_whole_file_caches_all_of_it()
    {
        string path = WriteFile(32 * Page + 7);
        PageCache.Evict(path);
        File.ReadAllBytes(path);
        Assert.Equal(32 * Page + 7, PageCache.ResidentBytes(path));
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var e = Assert.ThrowsAny<Exception>(() => PageCache.ResidentBytes(Path.Combine(_directory, "missing")));
        Assert.Contains("missing", e.Message);
    }

    private string WriteFile(int length)
    {
        string path = Path.Combine(_directory, $"file-{length}");
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>One read with POSIX_FADV_RANDOM on its descriptor, so the kernel reads the requested pages and no more.</summary>
    private static void ReadWithoutReadahead(string path, long offset, int length)
    {
        using SafeFileHandle handle = File.OpenHandle(path);
        Assert.Equal(0, Libc.PosixFadvise((int)handle.DangerousGetHandle(), 0, 0, PosixFadviseRandom));
        var buffer = new byte[length];
        Assert.Equal(length, RandomAccess.Read(handle, buffer, offset));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
