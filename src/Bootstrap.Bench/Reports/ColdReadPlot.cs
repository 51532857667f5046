using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Reports;

/// <summary>
/// cold-read.svg: per variant, the size of its binary and, over it, the bytes one cold-disk start read of it and
/// the part of those the process had mapped in (medians), on one linear MB axis: what Lambda would fetch on demand
/// for a cold start, and what the start used of it.
/// </summary>
public static class ColdReadPlot
{
    private const string FileColor = "#d5dbe3";
    private const string ReadColor = "#f1a3a4";
    private const string MappedColor = "#e15759";

    public static string Render(IReadOnlyList<VariantResult> variants)
    {
        const int left = 150, right = 190, top = 50, rowHeight = 40, barHeight = 22;
        int width = 960, height = top + rowHeight * variants.Count + 80;
        var svg = new SvgCanvas(width, height);
        svg.Text(width / 2.0, 24, "Bytes of the binary read in one cold-disk start (median, mincore), over its size (MB)", 15, "middle", weight: "bold");

        double max = Math.Max(variants.Max(v => v.Summary.SizeBytes) * 1.05, 1);
        double plotWidth = width - left - right;
        double Scale(double bytes) => plotWidth * Math.Max(bytes, 0) / max;

        for (int row = 0; row < variants.Count; row++)
        {
            var variant = variants[row];
            var m = variant.Summary;
            double y = top + row * rowHeight;
            svg.Text(left - 10, y + barHeight / 2.0 + 4, variant.Name, 13, "end", weight: "bold");
            svg.Rect(left, y, Scale(m.SizeBytes), barHeight, FileColor, $"{variant.Name}: {Format.Bytes(m.SizeBytes)} on disk");
            if (m.ColdDiskBytesRead is { } read)
                svg.Rect(left, y, Scale(read), barHeight, ReadColor, $"{variant.Name}: {Format.Read(read, m.ColdDiskReadShare)} read in a cold start");
            if (m.ColdDiskBytesMapped is { } mapped)
                svg.Rect(left, y + barHeight / 4.0, Scale(mapped), barHeight / 2.0, MappedColor, $"{variant.Name}: {Format.Read(mapped, mapped / m.SizeBytes)} mapped in by the process");
            svg.Text(left + Scale(m.SizeBytes) + 6, y + barHeight / 2.0 + 4,
                $"{Format.Read(m.ColdDiskBytesRead, m.ColdDiskReadShare)} of {Format.Bytes(m.SizeBytes)}", 11, "start", "#333");
        }

        double axisY = top + rowHeight * variants.Count;
        svg.Line(left, axisY, left + plotWidth, axisY, "#888");
        for (int i = 0; i <= 4; i++)
        {
            double bytes = max * i / 4;
            svg.Line(left + Scale(bytes), axisY, left + Scale(bytes), axisY + 4, "#888");
            svg.Text(left + Scale(bytes), axisY + 16, Format.Number(bytes / 1e6, "0.0#") + " MB", 10, "middle", "#555");
        }

        double legendY = axisY + 44;
        svg.Rect(left, legendY - 10, 12, 12, FileColor);
        svg.Text(left + 18, legendY, "size of the binary", 12);
        svg.Rect(left + 150, legendY - 10, 12, 12, ReadColor);
        svg.Text(left + 168, legendY, "read from disk in one cold start (evicted before the spawn)", 12);
        svg.Rect(left + 520, legendY - 7, 12, 6, MappedColor);
        svg.Text(left + 538, legendY, "of which mapped in by the process", 12);
        return svg.ToString();
    }
}
