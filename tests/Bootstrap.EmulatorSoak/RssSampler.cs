using System.Diagnostics;

namespace Bootstrap.EmulatorSoak;

/// <summary>Samples a process's resident set (VmRSS in /proc/PID/status) once a second, with the time of each sample.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly List<(TimeSpan At, long Kb)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                    Sample();
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    public IReadOnlyList<(TimeSpan At, long Kb)> Samples
    {
        get
        {
            lock (_samples)
                return _samples.ToArray();
        }
    }

    /// <summary>VmRSS of <paramref name="pid"/> in kB, or null once it is gone.</summary>
    public static long? ReadRssKb(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Sample()
    {
        if (ReadRssKb(_pid) is long kb)
        {
            lock (_samples)
                _samples.Add((_clock.Elapsed, kb));
        }
    }

    /// <summary>Takes a last sample and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        _stop.Dispose();
    }
}
