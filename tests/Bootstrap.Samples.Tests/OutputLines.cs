using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bootstrap.Samples.Tests;

/// <summary>A started process's output, kept line by line, and a wait for a line that fails rather than hangs.</summary>
internal sealed class OutputLines
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public OutputLines(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
                return line;
            if (_process.HasExited || clock.Elapsed > Patience)
                throw new InvalidOperationException($"{_process.StartInfo.FileName} never said the line waited for; its output:\n{string.Join("\n", _lines)}");
            await Task.Delay(20);
        }
    }

    /// <summary>The port in the first line holding <paramref name="marker"/> followed by a loopback address.</summary>
    public async Task<int> WaitForPortAsync(string marker, string address)
    {
        string line = await WaitForAsync(l => l.Contains(marker) && l.Contains(address));
        string after = line[(line.IndexOf(address, StringComparison.Ordinal) + address.Length)..];
        return int.Parse(new string(after.TakeWhile(char.IsDigit).ToArray()));
    }
}
