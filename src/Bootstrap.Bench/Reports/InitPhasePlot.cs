using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Reports;

/// <summary>
/// init-phases.svg: a stacked bar per variant of the median init phases from its BOOTSTRAP_PROFILE lines,
/// on the bench's spawn clock. A variant with no profile line (the floor, the reference) gets one bar: its init.
/// </summary>
public static class InitPhasePlot
{
    private static readonly string[] Colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b07aa1"];

    public static string Render(IReadOnlyList<VariantResult> variants)
    {
        const int left = 150, right = 90, top = 50, rowHeight = 44, barHeight = 26;
        int legendRows = StartupPhases.Labels.Length + 1;
        int width = 960, height = top + rowHeight * variants.Count + 40 + legendRows * 18;
        var svg = new SvgCanvas(width, height);
        svg.Text(width / 2.0, 24, "Where init time goes: spawn → first GET /next (median ms, BOOTSTRAP_PROFILE=1)", 15, "middle", weight: "bold");

        double Total(VariantResult v) => v.Summary.Phases is { } p ? p.Segments().Sum() : v.Summary.Init.Median;
        double max = Math.Max(variants.Max(Total) * 1.05, 0.001);
        double plotWidth = width - left - right;
        double Scale(double ms) => plotWidth * Math.Max(ms, 0) / max;

        for (int row = 0; row < variants.Count; row++)
        {
            var variant = variants[row];
            double y = top + row * rowHeight;
            svg.Text(left - 10, y + barHeight / 2.0 + 4, variant.Name, 13, "end", weight: "bold");
            double x = left;
            if (variant.Summary.Phases is { } phases)
            {
                double[] segments = phases.Segments();
                for (int i = 0; i < segments.Length; i++)
                {
                    svg.Rect(x, y, Scale(segments[i]), barHeight, Colors[i], $"{variant.Name}: {StartupPhases.Labels[i]}: {Format.Ms(segments[i])}");
                    x += Scale(segments[i]);
                }
            }
            else
            {
                svg.Rect(x, y, Scale(variant.Summary.Init.Median), barHeight, "#bab0ac", $"{variant.Name}: init {Format.Ms(variant.Summary.Init.Median)} (no profile line)");
                x += Scale(variant.Summary.Init.Median);
            }
            svg.Text(x + 6, y + barHeight / 2.0 + 4, Format.Ms(Total(variant)), 11, "start", "#333");
        }

        double axisY = top + rowHeight * variants.Count;
        svg.Line(left, axisY, left + plotWidth, axisY, "#888");
        for (int i = 0; i <= 4; i++)
        {
            double ms = max * i / 4;
            svg.Line(left + Scale(ms), axisY, left + Scale(ms), axisY + 4, "#888");
            svg.Text(left + Scale(ms), axisY + 16, Format.Ms(ms), 10, "middle", "#555");
        }

        double legendY = axisY + 40;
        for (int i = 0; i < StartupPhases.Labels.Length; i++)
        {
            svg.Rect(left, legendY + i * 18 - 10, 12, 12, Colors[i]);
            svg.Text(left + 18, legendY + i * 18, StartupPhases.Labels[i], 12);
        }
        svg.Rect(left, legendY + StartupPhases.Labels.Length * 18 - 10, 12, 12, "#bab0ac");
        svg.Text(left + 18, legendY + StartupPhases.Labels.Length * 18, "init, not broken down (the variant writes no profile line)", 12);
        return svg.ToString();
    }
}
