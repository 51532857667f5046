using System.Runtime.InteropServices;
using Bootstrap.Bench.Native;

namespace Bootstrap.Bench;

/// <summary>
/// The cold-disk mode's tool: drops a file's pages from the page cache (posix_fadvise DONTNEED), so the next
/// spawn reads the binary from the disk, and tells how much of a file is cached (mincore): right after the
/// eviction, to check it worked; after one start, how much of the binary that start read.
/// </summary>
public static unsafe class PageCache
{
    /// <summary>
    /// Asks the kernel to drop the file's cached pages. Dirty pages (a binary just built) are written out first,
    /// since DONTNEED skips them; pages still mapped by a live process stay.
    /// </summary>
    public static void Evict(string path)
    {
        int fd = Libc.Open(path, Libc.O_RDONLY);
        if (fd < 0)
            throw new BenchException($"cannot open {path} to evict it: {Libc.ErrorText(Marshal.GetLastPInvokeError())}");
        try
        {
            Libc.Fsync(fd);
            int error = Libc.PosixFadvise(fd, 0, 0, Libc.POSIX_FADV_DONTNEED);
            if (error != 0)
                throw new BenchException($"posix_fadvise(DONTNEED) on {path} failed: {Libc.ErrorText(error)}");
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    /// <summary>The fraction (0..1) of the file that is in the page cache now.</summary>
    public static double ResidentFraction(string path)
    {
        long length = new FileInfo(path).Length;
        return length == 0 ? 0 : (double)ResidentBytes(path) / length;
    }

    /// <summary>
    /// <see cref="ResidentBytes"/> once reads still in flight (asynchronous readahead a start set off) have landed:
    /// mincore counts a page only when its read is done, so count until two counts a few milliseconds apart agree.
    /// </summary>
    public static long ResidentBytesSettled(string path)
    {
        long count = ResidentBytes(path);
        for (int i = 0; i < 20; i++)
        {
            Thread.Sleep(2);
            long again = ResidentBytes(path);
            if (again == count)
                break;
            count = again;
        }
        return count;
    }

    /// <summary>
    /// How many of the file's bytes are in the page cache now (mincore on a mapping of it; the last page counts only
    /// up to the end of the file). Right after an <see cref="Evict"/> and one start, that is what the start read.
    /// </summary>
    public static long ResidentBytes(string path)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
            return 0;
        int fd = Libc.Open(path, Libc.O_RDONLY);
        if (fd < 0)
            throw new BenchException($"cannot open {path}: {Libc.ErrorText(Marshal.GetLastPInvokeError())}");
        void* map = null;
        try
        {
            map = Libc.Mmap(null, (nuint)length, Libc.PROT_READ, Libc.MAP_SHARED, fd, 0);
            if (map == (void*)-1)
                throw new BenchException($"cannot map {path}: {Libc.ErrorText(Marshal.GetLastPInvokeError())}");
            long pageSize = Environment.SystemPageSize;
            long pages = (length + pageSize - 1) / pageSize;
            var vector = new byte[pages];
            fixed (byte* v = vector)
            {
                if (Libc.Mincore(map, (nuint)length, v) != 0)
                    throw new BenchException($"mincore on {path} failed: {Libc.ErrorText(Marshal.GetLastPInvokeError())}");
            }
            long resident = 0;
            for (long page = 0; page < pages; page++)
            {
                if ((vector[page] & 1) != 0)
                    resident += Math.Min(pageSize, length - page * pageSize);
            }
            return resident;
        }
        finally
        {
            if (map != null && map != (void*)-1)
                Libc.Munmap(map, (nuint)length);
            Libc.Close(fd);
        }
    }
}
