namespace Bootstrap.Bench.Results;

/// <summary>Order statistics of a set of samples (linear interpolation between ranks).</summary>
public sealed record Distribution(int Count, double Min, double Median, double P90, double P99, double Max)
{
    public static Distribution? Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
            return null;
        return new Distribution(sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1]);
    }

    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 1)
            return sorted[0];
        double rank = percent / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
