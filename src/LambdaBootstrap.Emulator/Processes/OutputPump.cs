using System.Runtime.InteropServices;
using System.Text;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>
/// Reads a child's stdout or stderr pipe and hands on each line. Its own thread reads as output arrives, and
/// <see cref="Drain"/> reads whatever is in the pipe at once: after it returns, every line the child finished writing
/// before the call has been handed on. That is what lets a function's log lines come before its END and REPORT.
/// </summary>
internal sealed partial class OutputPump
{
    private const short POLLIN = 0x1;
    private const int EINTR = 4;

    private readonly SafeHandle _pipe;
    private readonly Action<string> _onLine;
    // Held while reading and handing on lines, so the thread and Drain never split a read between them.
    private readonly Lock _gate = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _partialLine = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _atEnd;

    public OutputPump(SafeHandle pipe, Action<string> onLine, string name)
    {
        _pipe = pipe;
        _onLine = onLine;
        // Kept open until the pump ends, even if its owner is disposed first: the descriptor must not be reused under it.
        bool added = false;
        _pipe.DangerousAddRef(ref added);
        new Thread(Run) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>Completes when the pipe is closed (the child and anything it started have exited) and the last line is out.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Hands on every line in the pipe now. Cheap when it is empty: one poll.</summary>
    public void Drain()
    {
        lock (_gate)
            ReadWhatIsThere();
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                WaitReadable(timeoutMs: -1);
                lock (_gate)
                {
                    ReadWhatIsThere();
                    if (_atEnd)
                        break;
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
        }
        finally
        {
            lock (_gate)
                HandOnPartialLine();
            _pipe.DangerousRelease();
            _ended.TrySetResult();
        }
    }

    /// <summary>Reads while the pipe has bytes (or its end) to give, without ever blocking; the caller holds the gate.</summary>
    private void ReadWhatIsThere()
    {
        while (!_atEnd && WaitReadable(timeoutMs: 0))
        {
            int read = Read(_buffer);
            if (read <= 0)
                _atEnd = true; // end of file, or an error that ends the pipe just the same
            else
                HandOnLines(_buffer.AsSpan(0, read));
        }
    }

    private void HandOnLines(ReadOnlySpan<byte> bytes)
    {
        int newline;
        while ((newline = bytes.IndexOf((byte)'\n')) >= 0)
        {
            ReadOnlySpan<byte> line = bytes[..newline];
            if (_partialLine.Length > 0)
            {
                _partialLine.Write(line);
                HandOnPartialLine();
            }
            else
            {
                _onLine(Decode(line));
            }
            bytes = bytes[(newline + 1)..];
        }
        _partialLine.Write(bytes);
    }

    /// <summary>The bytes kept since the last newline, as a line (at the end: a last line without a newline).</summary>
    private void HandOnPartialLine()
    {
        if (_partialLine.Length == 0)
            return;
        _onLine(Decode(_partialLine.GetBuffer().AsSpan(0, (int)_partialLine.Length)));
        _partialLine.SetLength(0);
    }

    private static string Decode(ReadOnlySpan<byte> line) =>
        Encoding.UTF8.GetString(line.EndsWith((byte)'\r') ? line[..^1] : line);

    private bool WaitReadable(int timeoutMs)
    {
        var poll = new PollFd { Fd = (int)_pipe.DangerousGetHandle(), Events = POLLIN };
        while (true)
        {
            int ready = Poll(ref poll, 1, timeoutMs);
            if (ready >= 0)
                return ready > 0; // readable, or hung up or failed: the read that follows tells which
            if (Marshal.GetLastPInvokeError() != EINTR)
                throw new IOException($"poll on the child's output failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private unsafe int Read(byte[] buffer)
    {
        fixed (byte* bytes = buffer)
        {
            while (true)
            {
                nint read = ReadFd((int)_pipe.DangerousGetHandle(), bytes, buffer.Length);
                if (read >= 0 || Marshal.GetLastPInvokeError() != EINTR)
                    return (int)read;
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadFd(int fd, byte* buffer, nint count);
}
