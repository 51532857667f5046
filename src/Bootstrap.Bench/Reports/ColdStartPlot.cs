using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Reports;

/// <summary>
/// cold-start.svg: every cold invoke (spawn → first response) per variant as a dot on a log-scale time axis,
/// page cache warm and binary evicted (cold disk) side by side, with each set's median marked.
/// </summary>
public static class ColdStartPlot
{
    private const string WarmCache = "#1f77b4";
    private const string ColdDisk = "#ff7f0e";

    public static string Render(IReadOnlyList<VariantResult> variants)
    {
        const int left = 150, right = 30, top = 50, rowHeight = 56, bottom = 70;
        int width = 960, height = top + rowHeight * variants.Count + bottom;
        var svg = new SvgCanvas(width, height);
        svg.Text(width / 2.0, 24, "Cold invoke: spawn → first response received (ms, log scale)", 15, "middle", weight: "bold");

        var all = variants.SelectMany(v => v.Cold.Concat(v.ColdDisk)).Select(s => s.ColdInvokeMs).Where(x => x > 0).ToList();
        double min = all.Count == 0 ? 0.1 : all.Min() / 1.3, max = all.Count == 0 ? 10 : all.Max() * 1.3;
        if (max / min < 4)
            max = min * 4;
        double plotWidth = width - left - right;
        double X(double ms) => left + plotWidth * Math.Log(Math.Max(ms, min) / min) / Math.Log(max / min);

        int axisY = top + rowHeight * variants.Count;
        foreach (double tick in Ticks(min, max))
        {
            double x = X(tick);
            svg.Line(x, top - 6, x, axisY, "#ddd", 1);
            svg.Text(x, axisY + 16, Format.Number(tick, "0.###"), 11, "middle", "#555");
        }
        svg.Line(left, axisY, width - right, axisY, "#888");

        for (int row = 0; row < variants.Count; row++)
        {
            var variant = variants[row];
            double y = top + row * rowHeight + rowHeight / 2.0;
            if (row % 2 == 1)
                svg.Rect(left, top + row * rowHeight, plotWidth, rowHeight, "#f6f6f6");
            svg.Text(left - 10, y + 4, variant.Name, 13, "end", weight: "bold");
            Dots(svg, variant.Cold, y - 9, WarmCache, X, variant.Name, "page cache warm");
            Dots(svg, variant.ColdDisk, y + 9, ColdDisk, X, variant.Name, "cold disk");
        }

        double legendY = axisY + 42;
        svg.Circle(left + 6, legendY - 4, 5, WarmCache, 0.8);
        svg.Text(left + 16, legendY, "page cache warm", 12);
        svg.Circle(left + 156, legendY - 4, 5, ColdDisk, 0.8);
        svg.Text(left + 166, legendY, "binary evicted before spawn (cold disk)", 12);
        svg.Line(left + 436, legendY - 11, left + 436, legendY + 3, "#000", 2);
        svg.Text(left + 444, legendY, "median", 12);
        return svg.ToString();
    }

    private static void Dots(SvgCanvas svg, List<ColdStartSample> samples, double y, string color, Func<double, double> x, string name, string mode)
    {
        if (samples.Count == 0)
            return;
        for (int i = 0; i < samples.Count; i++)
        {
            double jitter = (i % 5 - 2) * 2.2;
            svg.Circle(x(samples[i].ColdInvokeMs), y + jitter, 3.5, color, 0.45, $"{name}, {mode}: {Format.Ms(samples[i].ColdInvokeMs)}");
        }
        double median = Distribution.Of(samples.Select(s => s.ColdInvokeMs))!.Median;
        svg.Line(x(median), y - 9, x(median), y + 9, "#000", 2);
        svg.Text(x(median) + 4, y - 10, Format.Ms(median), 10, "start", "#333");
    }

    private static IEnumerable<double> Ticks(double min, double max)
    {
        for (double decade = Math.Pow(10, Math.Floor(Math.Log10(min))); decade <= max; decade *= 10)
        {
            foreach (double step in new[] { 1.0, 2.0, 5.0 })
            {
                double tick = decade * step;
                if (tick >= min && tick <= max)
                    yield return tick;
            }
        }
    }
}
