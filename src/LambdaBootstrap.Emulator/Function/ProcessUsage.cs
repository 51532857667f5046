using System.Diagnostics;
using LambdaBootstrap.Emulator.Processes;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// What a REPORT line measures of the current bootstrap process: its Init Duration (spawn to the first <c>/next</c>
/// or <c>/init/error</c>) and its Max Memory Used (the highest resident memory sampled while it lived).
/// </summary>
internal sealed class ProcessUsage
{
    private double? _initDurationMs;
    private long _peakRssKb;

    /// <summary>A new process is starting: nothing of the last one counts.</summary>
    public void Reset()
    {
        _initDurationMs = null;
        _peakRssKb = 0;
    }

    /// <summary>Init has ended (the first time only): its duration is taken now.</summary>
    public void InitEnded(BootstrapProcess? process)
    {
        if (_initDurationMs is null && process is { HasExited: false })
        {
            _initDurationMs = SinceSpawn(process);
            Sample(process);
        }
    }

    /// <summary>The init's duration; for a process that never finished its init, the time since its spawn.</summary>
    public double InitDurationMs(BootstrapProcess? process) => _initDurationMs ?? (process is null ? 0 : SinceSpawn(process));

    /// <summary>The peak resident memory in whole MB, rounded up as Lambda does; null when it was never read.</summary>
    public int? MaxMemoryUsedMb => _peakRssKb > 0 ? (int)Math.Ceiling(_peakRssKb / 1024.0) : null;

    /// <summary>Reads the process's memory high-water mark while it is still there to read.</summary>
    public void Sample(BootstrapProcess process)
    {
        if (process.PeakRssKb() is long kb && kb > _peakRssKb)
            _peakRssKb = kb;
    }

    private static double SinceSpawn(BootstrapProcess process) => Stopwatch.GetElapsedTime(process.SpawnedAt).TotalMilliseconds;
}
