namespace Bootstrap.Bench.Soak;

/// <summary>One soak run: a variant with N invocation loops, and what the process held after each checkpoint.</summary>
public sealed record SoakResult(string Variant, int Concurrency, IReadOnlyList<(int Invocations, ProcessResources Resources)> Checkpoints)
{
    /// <summary>The bar: peak RSS grows at most this many percent between the last two checkpoints.</summary>
    public const int MaxPeakGrowthPercent = 5;

    /// <summary>Peak RSS growth from the second-to-last checkpoint to the last (10k → 100k in the full soak).</summary>
    public double PeakGrowth => Checkpoints.Count < 2 ? 0
        : (double)Checkpoints[^1].Resources.PeakRssKb / Checkpoints[^2].Resources.PeakRssKb - 1;

    public bool FdsConstant => Checkpoints.Select(c => c.Resources.OpenFds).Distinct().Count() == 1;

    public bool Pass => FdsConstant && (Checkpoints.Count < 2
        || Checkpoints[^1].Resources.PeakRssKb * 100 <= Checkpoints[^2].Resources.PeakRssKb * (100 + MaxPeakGrowthPercent));

    public string Describe()
    {
        string points = string.Join(" | ", Checkpoints.Select(c =>
            $"{Count(c.Invocations)}: peak {c.Resources.PeakRssKb / 1024.0:0.00} MB, rss {c.Resources.RssKb / 1024.0:0.00} MB, {c.Resources.OpenFds} fds"));
        string growth = Checkpoints.Count < 2 ? "" : $"; peak {Count(Checkpoints[^2].Invocations)}→{Count(Checkpoints[^1].Invocations)} {PeakGrowth * 100:+0.0;-0.0;0.0}%";
        return $"{(Pass ? "PASS" : "FAIL")}  {Variant}, {Concurrency} loop{(Concurrency == 1 ? "" : "s")}: {points}{growth}{(FdsConstant ? "" : "; fds changed")}";
    }

    private static string Count(int n) => n % 1000 == 0 ? $"{n / 1000}k" : n.ToString();
}
