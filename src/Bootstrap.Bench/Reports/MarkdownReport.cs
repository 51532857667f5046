using System.Text;
using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Reports;

/// <summary>
/// report.md: the bars, an overview, a table per variant (median, p90, p99 and the ratio of the median to the
/// floor's), where init time goes, the plots, and the notes on what each optimisation bought.
/// </summary>
public static class MarkdownReport
{
    public static string Render(BenchResults results, string notes)
    {
        var md = new StringBuilder();
        var floor = results.Variants.First(v => v.Kind == VariantKind.Floor);
        var s = results.Settings;
        md.AppendLine("# Startup benchmark").AppendLine();
        md.AppendLine($"Generated {results.Generated:yyyy-MM-dd HH:mm:ss} UTC on {results.Machine.Cores} cores ({results.Machine.Cpu}, Linux {results.Machine.Kernel}) in {results.DurationSeconds:0} s. ");
        md.AppendLine($"{s.ColdStarts} cold starts per variant with the page cache warm{(s.ColdDisk ? $", {s.ColdStarts} with the binary evicted from it (cold disk)" : "")}, " +
                      $"{s.ProfileRuns} with BOOTSTRAP_PROFILE=1, and {s.WarmInvocations} warm invocations in one process per variant; event `{s.Event}`. ");
        md.AppendLine($"Timings on a shared machine are noisy: every figure is also given as a ratio (×) to the same figure of the C floor (`{floor.Name}`) measured in the same run, cold starts interleaved across variants.");
        if (s.ColdDisk)
            md.AppendLine("*Read in a cold-disk start* is what Lambda's on-demand code loading pays for: the bytes of the binary in the page cache after one start from an evicted cache (mincore, readahead included), median over the cold-disk starts" +
                          (results.ColdDiskSetup is { } disk
                              ? $", {disk.Brief}: a page fault on the binary reads up to that much around it. The cold-disk starts ran the binaries from {disk.Description}." +
                                (disk.Fallback is { } fallback ? $" **{fallback}: measured on the machine's disk instead.**" : "")
                              : ".") +
                          " *Mapped* is the part of it the process had mapped in (Rss of its mappings of the binary).");
        md.AppendLine();

        md.AppendLine("## Performance bars").AppendLine();
        md.AppendLine("| bar | measured | limit | result | detail |").AppendLine("|---|---:|---:|:---:|---|");
        foreach (var bar in results.Bars)
            md.AppendLine($"| {bar.Name} | {PerformanceBars.Measured(bar)} | {PerformanceBars.Limit(bar)} | {(bar.Pass ? "PASS" : "**FAIL**")} | {bar.Detail} |");
        md.AppendLine();

        md.AppendLine("## Overview (medians, × floor)").AppendLine();
        md.AppendLine("| variant | size | init | cold invoke | cold invoke, cold disk | read in a cold-disk start | warm round trip p50 | peak RSS (warm) | minor faults |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var v in results.Variants)
        {
            var m = v.Summary;
            string R(string key) => Format.Ratio(v.RatiosToFloor.GetValueOrDefault(key, double.NaN));
            md.AppendLine($"| {v.Name} | {Format.Bytes(m.SizeBytes)} ({R("sizeBytes")}) | {Format.Ms(m.Init.Median)} ({R("initMedian")}) | " +
                          $"{Format.Ms(m.ColdInvoke.Median)} ({R("coldInvokeMedian")}) | " +
                          $"{(m.ColdDiskInvoke is { } d ? $"{Format.Ms(d.Median)} ({R("coldDiskInvokeMedian")})" : "–")} | " +
                          $"{Format.Read(m.ColdDiskBytesRead, m.ColdDiskReadShare)} | " +
                          $"{Format.Us(m.WarmRoundTripUs.Median)} ({R("warmP50")}) | {Format.Kb(m.WarmPeakRssKb)} ({R("warmPeakRssKb")}) | " +
                          $"{Format.Count(m.MinorFaults)} ({R("minorFaults")}) |");
        }
        md.AppendLine();
        if (results.Untimed.Count > 0)
        {
            md.AppendLine("Built for another architecture, so not timed (under qemu-user the timings would measure the emulator):").AppendLine();
            md.AppendLine("| binary | architecture | size |").AppendLine("|---|---|---:|");
            foreach (var u in results.Untimed)
                md.AppendLine($"| {u.Name} | {u.Architecture} | {Format.Bytes(u.SizeBytes)} |");
            md.AppendLine();
        }

        if (results.Throughput.Count > 0)
        {
            md.AppendLine("## Throughput (AWS_LAMBDA_MAX_CONCURRENCY)").AppendLine();
            md.AppendLine("One process per row, its N connections served at once by N threads of the bench, back to back.").AppendLine();
            md.AppendLine("| variant | N | invocations | seconds | invocations/s |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var t in results.Throughput)
                md.AppendLine($"| {t.Variant} | {t.Concurrency} | {t.Invocations:N0} | {t.Seconds:0.000} | {t.PerSecond:N0} |");
            md.AppendLine();
        }

        md.AppendLine("## Variants").AppendLine();
        foreach (var v in results.Variants)
            Variant(md, v);

        md.AppendLine("## Where init time goes").AppendLine();
        md.AppendLine("Medians of the BOOTSTRAP_PROFILE=1 starts, in ms, on the bench's clock: time zero is just before `posix_spawn`, " +
                      "the end is when the fake Runtime API has the first `GET /next`. *OS start* is the process start time the OS reports " +
                      "(/proc/self/stat), which is only as fine as one clock tick, so it is shown but not used for the phases.").AppendLine();
        md.AppendLine("| variant | spawn → Main | Main → config | config → handler | handler → connect | connect → /next sent | /next → API | init | CPU used before Main | OS start − spawn (tick) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var v in results.Variants)
        {
            if (v.Summary.Phases is not { } p)
            {
                md.AppendLine($"| {v.Name} | | | | | | | {Format.Ms(v.Summary.Init.Median)} | | (no profile line) |");
                continue;
            }
            md.AppendLine($"| {v.Name} | {Format.Ms(p.SpawnToMainMs)} | {Format.Ms(p.MainToConfigMs)} | {Format.Ms(p.ConfigToHandlerMs)} | " +
                          $"{Format.Ms(p.HandlerToConnectMs)} | {Format.Ms(p.ConnectToNextMs)} | {Format.Ms(p.NextToReceivedMs)} | " +
                          $"{Format.Ms(p.Segments().Sum())} | {Format.Ms(p.CpuBeforeMainMs)} | {Format.Ms(p.SpawnToOsStartMs)} ({Format.Ms(p.TickMs)}) |");
        }
        md.AppendLine();
        md.AppendLine("![Init phases](init-phases.svg)").AppendLine();
        md.AppendLine("![Cold start distribution](cold-start.svg)").AppendLine();
        if (results.Settings.ColdDisk)
            md.AppendLine("![Bytes read in a cold start](cold-read.svg)").AppendLine();

        md.AppendLine("## Notes").AppendLine();
        md.AppendLine(notes.Trim()).AppendLine();
        return md.ToString();
    }

    private static void Variant(StringBuilder md, VariantResult v)
    {
        var m = v.Summary;
        md.AppendLine($"### {v.Name}").AppendLine();
        md.AppendLine($"{v.Description}: `{v.Path}`{(v.Handler is null ? "" : $", `_HANDLER={v.Handler}`")}.").AppendLine();
        md.AppendLine("| figure | median | p90 | p99 | × floor (median) |").AppendLine("|---|---:|---:|---:|---:|");
        string R(string key) => Format.Ratio(v.RatiosToFloor.GetValueOrDefault(key, double.NaN));
        void Timing(string name, Distribution? d, Func<double, string> f, string key)
        {
            if (d is not null)
                md.AppendLine($"| {name} | {f(d.Median)} | {f(d.P90)} | {f(d.P99)} | {R(key)} |");
        }
        Timing("init: spawn → first /next", m.Init, Format.Ms, "initMedian");
        Timing("cold invoke: spawn → first response", m.ColdInvoke, Format.Ms, "coldInvokeMedian");
        Timing("init, cold disk", m.ColdDiskInit, Format.Ms, "coldDiskInitMedian");
        Timing("cold invoke, cold disk", m.ColdDiskInvoke, Format.Ms, "coldDiskInvokeMedian");
        Timing("warm round trip: event sent → response received", m.WarmRoundTripUs, Format.Us, "warmP50");
        md.AppendLine($"| peak RSS after the first invocation (VmHWM) | {Format.Kb(m.ColdPeakRssKb)} | | | {R("coldPeakRssKb")} |");
        md.AppendLine($"| peak RSS after {v.Warm.RoundTripsUs.Length} warm invocations | {Format.Kb(m.WarmPeakRssKb)} | | | {R("warmPeakRssKb")} |");
        md.AppendLine($"| minor page faults, cold start | {Format.Count(m.MinorFaults)} | | | {R("minorFaults")} |");
        md.AppendLine($"| major page faults, cold start | {Format.Count(m.MajorFaults)} | | | {R("majorFaults")} |");
        if (m.ColdDiskMajorFaults is { } major)
            md.AppendLine($"| major page faults, cold disk (≤ {m.ResidentAfterEviction * 100:0}% of the binary still cached after eviction) | {Format.Count(major)} | | | {R("coldDiskMajorFaults")} |");
        if (m.ColdDiskBytesRead is { } read)
            md.AppendLine($"| bytes of the binary read in one cold-disk start (resident after it, mincore) | {Format.Read(read, m.ColdDiskReadShare)} | | | {R("coldDiskBytesRead")} |");
        if (m.ColdDiskBytesMapped is { } mapped)
            md.AppendLine($"| … of which the process had mapped in (Rss of its mappings of the binary, smaps) | {Format.Read(mapped, mapped / m.SizeBytes)} | | | {R("coldDiskBytesMapped")} |");
        md.AppendLine($"| binary size | {Format.Bytes(m.SizeBytes)} ({m.SizeBytes:N0} bytes) | | | {R("sizeBytes")} |");
        md.AppendLine();
    }
}
