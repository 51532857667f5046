using System.Text;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime.Diagnostics;

/// <summary>
/// BOOTSTRAP_PROFILE=1: where init time goes. Writes one line to stderr just before the first <c>GET /next</c>:
/// <code>bootstrap-profile: start=… main=… config=… handler=… connect=… next=… cpu_main=… tick=…</code>
/// Every stamp is CLOCK_MONOTONIC in nanoseconds, the clock all processes share, so a parent that noted when it
/// spawned the bootstrap can line the phases up with its own time. <c>start</c> is the OS's start time of the
/// process (/proc/self/stat, only as fine as one clock tick: <c>tick</c> ns), <c>main</c> when the runtime's
/// entry point was called, then configuration read, handler initialised, connection open and the first
/// <c>/next</c> about to be sent; <c>cpu_main</c> is the CPU time the process had used when Main was entered.
/// Off (the default), it costs one environment read.
/// </summary>
internal sealed class StartupProfile
{
    public const string Variable = "BOOTSTRAP_PROFILE";

    private readonly long _main;
    private readonly long _cpuAtMain;
    private long _config, _handler, _connect;

    private StartupProfile(long main, long cpuAtMain)
    {
        _main = main;
        _cpuAtMain = cpuAtMain;
    }

    /// <summary>
    /// A profile started now if BOOTSTRAP_PROFILE is 1; otherwise null, and nothing else is done. Linux's clocks and
    /// /proc only: none in portable mode.
    /// </summary>
    public static StartupProfile? FromEnvironment() =>
        !Portable.IsEnabled && Environment.GetEnvironmentVariable(Variable) == "1"
            ? new StartupProfile(ProcessClock.MonotonicNs(), ProcessClock.ProcessCpuNs())
            : null;

    public void ConfigurationRead() => _config = ProcessClock.MonotonicNs();

    public void HandlerInitialised() => _handler = ProcessClock.MonotonicNs();

    public void ConnectionOpen() => _connect = ProcessClock.MonotonicNs();

    /// <summary>Stamps the first <c>/next</c> and writes the line, before the request goes out.</summary>
    public void FirstNextSending()
    {
        long next = ProcessClock.MonotonicNs();
        long? start = ProcessClock.StartMonotonicNs();
        string line = $"bootstrap-profile: start={(start is long s ? s.ToString() : "unknown")} main={_main} config={_config} handler={_handler} connect={_connect} next={next} cpu_main={_cpuAtMain} tick={ProcessClock.TickNs()}\n";
        StandardStream.Error.Write(Encoding.UTF8.GetBytes(line));
    }
}
