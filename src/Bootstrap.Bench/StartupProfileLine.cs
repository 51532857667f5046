using System.Globalization;
using Bootstrap.Bench.Results;

namespace Bootstrap.Bench;

/// <summary>
/// Reads the one line a bootstrap writes to stderr with BOOTSTRAP_PROFILE=1:
/// <c>bootstrap-profile: start=… main=… config=… handler=… connect=… next=… cpu_main=… tick=…</c> (CLOCK_MONOTONIC ns),
/// and lines it up with the bench's own spawn and receive stamps on the same clock.
/// </summary>
public static class StartupProfileLine
{
    /// <summary>The switch, as the runtime reads it (LambdaBootstrap.Runtime.Diagnostics.StartupProfile).</summary>
    public const string Variable = "BOOTSTRAP_PROFILE";
    public const string Prefix = "bootstrap-profile:";

    /// <summary>The phases, or null when the output holds no profile line (a bootstrap that does not write one, like the floor).</summary>
    public static StartupPhases? Parse(string stderr, long spawnedAtNs, long nextReceivedAtNs)
    {
        string? line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (line is null)
            return null;
        var values = new Dictionary<string, long>();
        foreach (string part in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=');
            if (equals > 0 && long.TryParse(part.AsSpan(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                values[part[..equals]] = value;
        }
        long Get(string name) => values.TryGetValue(name, out long v)
            ? v
            : throw new BenchException($"profile line has no '{name}=': {line}");

        long main = Get("main"), config = Get("config"), handler = Get("handler"), connect = Get("connect"), next = Get("next");
        double Ms(long ns) => ns / 1e6;
        return new StartupPhases(
            SpawnToOsStartMs: values.TryGetValue("start", out long start) ? Ms(start - spawnedAtNs) : double.NaN,
            SpawnToMainMs: Ms(main - spawnedAtNs),
            MainToConfigMs: Ms(config - main),
            ConfigToHandlerMs: Ms(handler - config),
            HandlerToConnectMs: Ms(connect - handler),
            ConnectToNextMs: Ms(next - connect),
            NextToReceivedMs: Ms(nextReceivedAtNs - next),
            CpuBeforeMainMs: Ms(Get("cpu_main")),
            TickMs: Ms(Get("tick")));
    }
}
