using System.Runtime.InteropServices;

namespace LambdaBootstrap.Runtime.Native;

/// <summary>
/// Every libc call the runtime makes, in one place: sockets for the Runtime API connection (and X-Ray's datagrams), writes to the log,
/// and clocks and /proc for the start-up profile. The bootstrap only ever runs on Linux, and calling libc directly
/// keeps .NET's general-purpose socket stack (about 0.5 MB), and even its IPAddress, out of the binary.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc.so.6";

    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int SOCK_STREAM = 1;
    public const int SOCK_DGRAM = 2;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int IPPROTO_TCP = 6;
    public const int TCP_NODELAY = 1;
    public const int MSG_NOSIGNAL = 0x4000;
    public const int MSG_PEEK = 0x2;
    public const int MSG_DONTWAIT = 0x40;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int CLOCK_MONOTONIC = 1;
    public const int CLOCK_PROCESS_CPUTIME_ID = 2;
    public const int CLOCK_BOOTTIME = 7;
    public const int _SC_CLK_TCK = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct AddrInfo
    {
        public int Flags;
        public int Family;
        public int SockType;
        public int Protocol;
        public uint AddrLen;
        public byte* Addr;
        public byte* CanonName;
        public AddrInfo* Next;
    }

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* address, uint length);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, int* value, uint length);

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Library, EntryPoint = "sendto", SetLastError = true)]
    public static partial nint SendTo(int fd, byte* buffer, nint length, int flags, byte* address, uint addressLength);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint length);

    [LibraryImport(Library, EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "read")]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Library, EntryPoint = "clock_gettime")]
    public static partial int ClockGetTime(int clock, TimeSpec* time);

    [LibraryImport(Library, EntryPoint = "sysconf")]
    public static partial long SysConf(int name);

    [LibraryImport(Library, EntryPoint = "inet_pton", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InetPton(int family, string text, byte* address);

    [LibraryImport(Library, EntryPoint = "getaddrinfo", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetAddrInfo(string node, string? service, AddrInfo* hints, AddrInfo** result);

    [LibraryImport(Library, EntryPoint = "freeaddrinfo")]
    public static partial void FreeAddrInfo(AddrInfo* info);

    [LibraryImport(Library, EntryPoint = "inet_ntop")]
    public static partial byte* InetNtop(int family, byte* address, byte* text, uint size);

    [LibraryImport(Library, EntryPoint = "gai_strerror")]
    public static partial byte* GaiStrError(int code);

    public static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
