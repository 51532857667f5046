using System.Runtime.InteropServices;

namespace Bootstrap.Bench.Native;

/// <summary>The libc calls the bench needs to spawn, watch and reap bootstraps exactly, and to evict files from the page cache.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc.so.6";

    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_CREAT = 0x40;
    public const int O_TRUNC = 0x200;
    public const int WNOHANG = 1;
    public const int SIGKILL = 9;
    public const int ECHILD = 10;
    public const int EINTR = 4;
    public const int POSIX_FADV_DONTNEED = 4;
    public const int PROT_READ = 1;
    public const int MAP_SHARED = 1;
    public const int CLOCK_MONOTONIC = 1;

    /// <summary>glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit; leave room.</summary>
    public const int FileActionsBytes = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The effective user id: 0 for root.</summary>
    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(byte* actions);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FileActionsAddOpen(byte* actions, int fd, string path, int flags, int mode);

    [LibraryImport(Library, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(byte* actions);

    [LibraryImport(Library, EntryPoint = "posix_spawn")]
    public static partial int PosixSpawn(int* pid, byte* path, byte* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Library, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport(Library, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Library, EntryPoint = "posix_fadvise")]
    public static partial int PosixFadvise(int fd, long offset, long length, int advice);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport(Library, EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    public static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport(Library, EntryPoint = "munmap")]
    public static partial int Munmap(void* address, nuint length);

    [LibraryImport(Library, EntryPoint = "mincore", SetLastError = true)]
    public static partial int Mincore(void* address, nuint length, byte* vector);

    [LibraryImport(Library, EntryPoint = "clock_gettime")]
    public static partial int ClockGetTime(int clock, TimeSpec* time);

    [LibraryImport(Library, EntryPoint = "sysconf")]
    public static partial long SysConf(int name);

    public static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
