using System.Text;
using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Reports;

/// <summary>The short table the bench ends with (with the bytes of each binary a cold-disk start read), and one PASS/FAIL line per bar.</summary>
public static class ConsoleSummary
{
    public static string Render(BenchResults results)
    {
        string[] header = ["variant", "size", "init", "cold invoke", "× floor", "cold disk", "× floor", "read, cold disk", "warm p50", "× floor", "peak RSS", "minflt"];
        var rows = results.Variants.Select(v =>
        {
            var m = v.Summary;
            return new[]
            {
                v.Name, Format.Bytes(m.SizeBytes), Format.Ms(m.Init.Median), Format.Ms(m.ColdInvoke.Median),
                Format.Ratio(v.RatiosToFloor.GetValueOrDefault("coldInvokeMedian", double.NaN)),
                m.ColdDiskInvoke is { } d ? Format.Ms(d.Median) : "–",
                Format.Ratio(v.RatiosToFloor.GetValueOrDefault("coldDiskInvokeMedian", double.NaN)),
                Format.Read(m.ColdDiskBytesRead, m.ColdDiskReadShare),
                Format.Us(m.WarmRoundTripUs.Median), Format.Ratio(v.RatiosToFloor.GetValueOrDefault("warmP50", double.NaN)),
                Format.Kb(m.WarmPeakRssKb), Format.Count(m.MinorFaults),
            };
        }).ToList();
        int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Row(string[] cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Row(header);
        Row(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Row);
        if (results.ColdDiskSetup is { } disk)
        {
            text.AppendLine($"(read, cold disk: the binary's pages in the page cache after one start from an evicted cache, {disk.Brief}; the binaries ran from {disk.Description})");
            if (disk.Fallback is { } fallback)
                text.AppendLine($"({fallback}: measured on the machine's disk instead)");
        }
        foreach (var u in results.Untimed)
            text.AppendLine($"{u.Name}  {Format.Bytes(u.SizeBytes)}  ({u.Architecture}: size only; emulated timings would measure qemu)");
        text.AppendLine();
        foreach (var t in results.Throughput)
            text.AppendLine($"throughput  {t.Variant}, AWS_LAMBDA_MAX_CONCURRENCY={t.Concurrency}: {t.PerSecond:N0} invocations/s ({t.Invocations:N0} in {t.Seconds:0.000} s)");
        if (results.Throughput.Count > 0)
            text.AppendLine();
        foreach (var bar in results.Bars)
            text.AppendLine($"{(bar.Pass ? "PASS" : "FAIL")}  {bar.Name}: {PerformanceBars.Measured(bar)} (limit {PerformanceBars.Limit(bar)}; {bar.Detail})");
        return text.ToString();
    }
}
