using System.Runtime.InteropServices;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>POSIX signals to a child: .NET's Process can only SIGKILL, and a graceful shutdown starts with SIGTERM.</summary>
internal static partial class Signals
{
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
