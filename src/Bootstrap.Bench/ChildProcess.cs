using System.Runtime.InteropServices;
using System.Text;
using Bootstrap.Bench.Native;

namespace Bootstrap.Bench;

/// <summary>
/// One bootstrap process, started with posix_spawn (no shell, no managed Process machinery in between) so the
/// spawn instant is exact. stdin is /dev/null; stdout and stderr go to files read after it ends. Always reaped.
/// </summary>
public sealed unsafe class ChildProcess : IDisposable
{
    private int _status;
    private bool _reaped;

    private ChildProcess(int pid, long spawnedAtNs, string stdoutPath, string stderrPath)
    {
        Pid = pid;
        SpawnedAtNs = spawnedAtNs;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
    }

    public int Pid { get; }

    /// <summary>CLOCK_MONOTONIC just before posix_spawn: time zero of every figure of this run.</summary>
    public long SpawnedAtNs { get; }

    public string StdoutPath { get; }
    public string StderrPath { get; }

    internal static ChildProcess Spawn(string path, NativeStringArray argv, NativeStringArray environment, string logPrefix)
    {
        string stdoutPath = logPrefix + ".out", stderrPath = logPrefix + ".err";
        byte* actions = stackalloc byte[Libc.FileActionsBytes];
        Libc.FileActionsInit(actions);
        byte* nativePath = (byte*)Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            Libc.FileActionsAddOpen(actions, 0, "/dev/null", Libc.O_RDONLY, 0);
            Libc.FileActionsAddOpen(actions, 1, stdoutPath, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC, 0x1A4);
            Libc.FileActionsAddOpen(actions, 2, stderrPath, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC, 0x1A4);
            int pid;
            long spawnedAt = MonotonicClock.Now();
            int error = Libc.PosixSpawn(&pid, nativePath, actions, null, argv.Pointer, environment.Pointer);
            if (error != 0)
                throw new BenchException($"cannot start {path}: {Libc.ErrorText(error)}");
            return new ChildProcess(pid, spawnedAt, stdoutPath, stderrPath);
        }
        finally
        {
            Libc.FileActionsDestroy(actions);
            Marshal.FreeCoTaskMem((nint)nativePath);
        }
    }

    /// <summary>Whether the process has ended (reaping it if so), without waiting.</summary>
    public bool HasExited
    {
        get
        {
            if (_reaped)
                return true;
            int status;
            int result = Libc.WaitPid(Pid, &status, Libc.WNOHANG);
            if (result == Pid || (result < 0 && Marshal.GetLastPInvokeError() == Libc.ECHILD))
            {
                _status = result == Pid ? status : 0;
                _reaped = true;
            }
            return _reaped;
        }
    }

    /// <summary>"exited with 1", "killed by signal 11": how it ended, for error messages.</summary>
    public string ExitDescription =>
        !_reaped ? "still running"
        : (_status & 0x7F) == 0 ? $"exited with {(_status >> 8) & 0xFF}"
        : $"was killed by signal {_status & 0x7F}";

    public ProcessSnapshot Snapshot() => ProcessSnapshot.Read(Pid);

    /// <summary>SIGKILL, then wait (bounded) for it to be gone.</summary>
    public void Kill(TimeSpan bound)
    {
        if (HasExited)
            return;
        Libc.Kill(Pid, Libc.SIGKILL);
        long deadline = MonotonicClock.Now() + (long)bound.TotalMilliseconds * 1_000_000;
        while (!HasExited)
        {
            if (MonotonicClock.Now() > deadline)
                throw new BenchException($"process {Pid} did not end within {bound.TotalSeconds:0.#} s of SIGKILL");
            Thread.Sleep(1);
        }
    }

    /// <summary>The end of what it wrote to stdout and stderr, for a failure message.</summary>
    public string OutputTail(int maxChars = 2000)
    {
        var text = new StringBuilder();
        foreach (string file in new[] { StdoutPath, StderrPath })
        {
            if (File.Exists(file))
                text.Append(File.ReadAllText(file));
        }
        string all = text.ToString().Trim();
        return all.Length <= maxChars ? all : "..." + all[^maxChars..];
    }

    public string ReadStderr() => File.Exists(StderrPath) ? File.ReadAllText(StderrPath) : "";

    public void Dispose()
    {
        try
        {
            Kill(TimeSpan.FromSeconds(5));
        }
        catch (BenchException)
        {
            // Reported by whoever killed it first; a finaliser-time failure has nobody to tell.
        }
        File.Delete(StdoutPath);
        File.Delete(StderrPath);
    }
}
