using Bootstrap.Bench.Results;

namespace Bootstrap.Bench;

/// <summary>
/// The bars the repository's bootstrap must clear, checked against the floor measured in the same run:
/// cold invoke (median) of echo ≤ 2.0× and of greet ≤ 2.5× the floor's; warm round trip p50 ≤ 1.2× the floor's;
/// artifacts/bootstrap ≤ 2.5 MB; peak RSS (VmHWM after the warm invocations) ≤ 6 MB.
/// </summary>
public static class PerformanceBars
{
    public const double EchoColdInvokeRatio = 2.0;
    public const double GreetColdInvokeRatio = 2.5;
    public const double WarmP50Ratio = 1.2;
    public const long MaxBootstrapBytes = 2_500_000;
    public const long MaxPeakRssBytes = 6_000_000;

    public static List<BarResult> Check(IReadOnlyList<VariantResult> results)
    {
        var floor = results.First(r => r.Kind == VariantKind.Floor).Summary;
        var bars = new List<BarResult>();
        var echo = results.FirstOrDefault(r => r.Kind == VariantKind.Bootstrap && r.Handler == "echo");
        var greet = results.FirstOrDefault(r => r.Kind == VariantKind.Bootstrap && r.Handler == "greet");

        void Ratio(string name, double value, double floorValue, double limit, string unit)
        {
            double ratio = value / floorValue;
            bars.Add(new BarResult(name, Math.Round(ratio, 3), limit, "× floor", ratio <= limit,
                $"{value:0.###} {unit} vs floor {floorValue:0.###} {unit}"));
        }

        if (echo is not null)
        {
            Ratio("cold invoke, echo", echo.Summary.ColdInvoke.Median, floor.ColdInvoke.Median, EchoColdInvokeRatio, "ms");
            Ratio("warm round trip p50, echo", echo.Summary.WarmRoundTripUs.Median, floor.WarmRoundTripUs.Median, WarmP50Ratio, "µs");
        }
        if (greet is not null)
        {
            Ratio("cold invoke, greet", greet.Summary.ColdInvoke.Median, floor.ColdInvoke.Median, GreetColdInvokeRatio, "ms");
            Ratio("warm round trip p50, greet", greet.Summary.WarmRoundTripUs.Median, floor.WarmRoundTripUs.Median, WarmP50Ratio, "µs");
        }
        var host = echo ?? greet;
        if (host is not null)
        {
            long size = host.Summary.SizeBytes;
            bars.Add(new BarResult("size of artifacts/bootstrap", size, MaxBootstrapBytes, "bytes", size <= MaxBootstrapBytes,
                $"{size:N0} bytes ({size / 1e6:0.000} MB)"));
        }
        foreach (var variant in new[] { echo, greet })
        {
            if (variant is null)
                continue;
            long peak = variant.Summary.WarmPeakRssKb * 1024;
            bars.Add(new BarResult($"peak RSS, {variant.Name}", peak, MaxPeakRssBytes, "bytes", peak <= MaxPeakRssBytes,
                $"VmHWM {variant.Summary.WarmPeakRssKb:N0} kB ({peak / 1e6:0.00} MB) after {variant.Warm.RoundTripsUs.Length} warm invocations"));
        }
        return bars;
    }

    public static string Limit(BarResult bar) => bar.Unit switch
    {
        "bytes" => $"≤ {bar.Limit / 1e6:0.#} MB",
        _ => $"≤ {bar.Limit:0.0#}× floor",
    };

    public static string Measured(BarResult bar) => bar.Unit switch
    {
        "bytes" => $"{bar.Value / 1e6:0.000} MB",
        _ => $"{bar.Value:0.00}×",
    };
}
