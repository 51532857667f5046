using System.Text;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// The log of one invocation, for <c>LogType: Tail</c>: the lines shown while it ran (the function's output and the
/// START, END and REPORT lines), of which only the last <see cref="TailBytes"/> are kept, as Lambda returns them.
/// </summary>
internal sealed class InvocationLog
{
    /// <summary>How much of the log Lambda returns: the last 4 KB.</summary>
    public const int TailBytes = 4096;

    private readonly Lock _lock = new();
    private readonly Queue<byte[]> _lines = new();
    private int _bytes;

    public void Append(string line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_lock)
        {
            _lines.Enqueue(bytes);
            _bytes += bytes.Length;
            // Keep whole lines while the ones after them still fill the tail on their own.
            while (_lines.Count > 1 && _bytes - _lines.Peek().Length >= TailBytes)
                _bytes -= _lines.Dequeue().Length;
        }
    }

    /// <summary>The last <see cref="TailBytes"/> bytes, starting at a whole UTF-8 character.</summary>
    public byte[] Tail()
    {
        lock (_lock)
        {
            byte[] all = RuntimeApi.StreamedResponseRecording.Join(_lines, _bytes);
            int start = Math.Max(0, all.Length - TailBytes);
            while (start < all.Length && (all[start] & 0xC0) == 0x80)
                start++;
            return all[start..];
        }
    }

    /// <summary>The tail in base64, as <c>X-Amz-Log-Result</c> and InvokeComplete's <c>LogResult</c> carry it.</summary>
    public string TailBase64() => Convert.ToBase64String(Tail());
}
