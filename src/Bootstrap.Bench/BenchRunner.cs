using System.Diagnostics;
using Bootstrap.Bench.Results;
using Bootstrap.Bench.RuntimeApi;

namespace Bootstrap.Bench;

/// <summary>
/// The measurement plan. Cold starts are interleaved across variants, in a rotating order, so background noise
/// falls on all of them alike: first with the page cache warm, then with each binary evicted before its spawn
/// (cold disk), then with BOOTSTRAP_PROFILE=1 for the init phases. Last, one process per variant serves M warm
/// invocations. One unrecorded start per variant comes first, to warm the page cache and the bench itself.
/// </summary>
public sealed class BenchRunner(BenchOptions options, Progress progress)
{
    /// <summary>Concurrency levels of the throughput runs (AWS_LAMBDA_MAX_CONCURRENCY), on the echo variant.</summary>
    public static readonly int[] ThroughputConcurrency = [1, 8];

    /// <summary>
    /// Measures <paramref name="variants"/>; the cold-disk starts run <paramref name="coldDiskVariants"/>, the same
    /// variants with their binaries on the disk chosen for them (<see cref="ColdDiskPlacement"/>).
    /// </summary>
    public (List<VariantResult> Variants, List<ThroughputResult> Throughput) Run(IReadOnlyList<Variant> variants,
        IReadOnlyList<Variant> coldDiskVariants, string logDirectory)
    {
        using var api = new FakeRuntimeApi();
        var runners = variants.Select(v => new VariantRunner(v, api, options.Timeout, logDirectory)).ToList();
        var diskRunners = ReferenceEquals(coldDiskVariants, variants)
            ? runners
            : coldDiskVariants.Select(v => new VariantRunner(v, api, options.Timeout, logDirectory)).ToList();
        try
        {
            var cold = variants.ToDictionary(v => v.Name, _ => new List<ColdStartSample>());
            var coldDisk = variants.ToDictionary(v => v.Name, _ => new List<ColdStartSample>());
            var phases = variants.ToDictionary(v => v.Name, _ => new List<StartupPhases>());

            progress.Start("warm-up", runners.Count);
            foreach (var runner in runners)
            {
                runner.ColdStart(evict: false, profile: false);
                progress.Advance(runner.Variant.Name);
            }
            progress.Done($"every variant answered ({api.Address})");

            Interleave(runners, options.ColdStarts, "cold starts (page cache warm)",
                r => cold[r.Variant.Name].Add(r.ColdStart(evict: false, profile: false).Sample),
                () => Brief(variants, cold, s => s.ColdInvokeMs));

            if (options.ColdDisk)
            {
                Interleave(diskRunners, options.ColdStarts, "cold starts (binary evicted: cold disk)",
                    r => coldDisk[r.Variant.Name].Add(r.ColdStart(evict: true, profile: false).Sample),
                    () => Brief(variants, coldDisk, s => s.ColdInvokeMs));
            }

            Interleave(runners, options.Profiles, "profiled starts (BOOTSTRAP_PROFILE=1)",
                r =>
                {
                    if (r.ColdStart(evict: false, profile: true).Phases is { } p)
                        phases[r.Variant.Name].Add(p);
                },
                () => $"{phases.Count(p => p.Value.Count > 0)} variant(s) wrote a profile line");

            var results = new List<VariantResult>();
            var warm = Warm(runners);
            var throughput = Throughput(runners.Where(r => r.Variant.Name == "echo"));

            var floor = Summarise(variants[0]);
            foreach (var variant in variants)
            {
                var summary = Summarise(variant);
                results.Add(new VariantResult(variant.Name, variant.Kind, variant.Path, variant.Handler, variant.Description,
                    cold[variant.Name], coldDisk[variant.Name], phases[variant.Name], warm[variant.Name], summary, summary.RatiosTo(floor)));
            }
            return (results, throughput);

            VariantSummary Summarise(Variant v) =>
                VariantSummary.Of(v.SizeBytes, cold[v.Name], coldDisk[v.Name], phases[v.Name], warm[v.Name]);
        }
        finally
        {
            foreach (var runner in runners.Union(diskRunners))
                runner.Dispose();
        }
    }

    /// <summary>One live process per variant, M round trips each, taken in turns.</summary>
    private Dictionary<string, WarmRunSample> Warm(List<VariantRunner> runners)
    {
        var clock = Stopwatch.StartNew();
        var sessions = new List<WarmSession>();
        try
        {
            foreach (var runner in runners)
                sessions.Add(runner.StartWarm(options.WarmInvocations));
            int step = Math.Max(options.WarmInvocations / 20, 1);
            progress.Start($"warm invocations ({options.WarmInvocations} per variant, taken in turns)", (options.WarmInvocations + step - 1) / step);
            for (int i = 0; i < options.WarmInvocations; i++)
            {
                foreach (var session in sessions)
                    session.RoundTrip();
                if ((i + 1) % step == 0)
                    progress.Advance();
            }
            var warm = sessions.ToDictionary(s => s.Variant.Name, s => s.Finish(options.Timeout));
            progress.Done($"{clock.Elapsed.TotalSeconds:0.0} s. p50: " +
                          string.Join(", ", runners.Select(r => $"{r.Variant.Name} {Distribution.Of(warm[r.Variant.Name].RoundTripsUs)!.Median:0.0} µs")));
            return warm;
        }
        finally
        {
            foreach (var session in sessions)
                session.Dispose();
        }
    }

    /// <summary>Invocations per second at each concurrency level, over ten times as many invocations as a warm run.</summary>
    private List<ThroughputResult> Throughput(IEnumerable<VariantRunner> runners)
    {
        var results = new List<ThroughputResult>();
        foreach (var runner in runners)
        {
            var clock = Stopwatch.StartNew();
            progress.Start($"throughput, {runner.Variant.Name} (AWS_LAMBDA_MAX_CONCURRENCY {string.Join(", ", ThroughputConcurrency)})", ThroughputConcurrency.Length);
            foreach (int n in ThroughputConcurrency)
            {
                results.Add(runner.Throughput(n, Math.Max(options.WarmInvocations * 10, n)));
                progress.Advance($"N={n}");
            }
            progress.Done($"{clock.Elapsed.TotalSeconds:0.0} s. " + string.Join(", ", results.Select(t => $"N={t.Concurrency}: {t.PerSecond:0} invocations/s")));
        }
        return results;
    }

    private void Interleave(List<VariantRunner> runners, int rounds, string phase, Action<VariantRunner> run, Func<string> summary)
    {
        if (rounds == 0)
            return;
        var clock = Stopwatch.StartNew();
        progress.Start(phase, rounds * runners.Count);
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < runners.Count; i++)
            {
                var runner = runners[(round + i) % runners.Count];
                run(runner);
                progress.Advance(runner.Variant.Name);
            }
        }
        progress.Done($"{clock.Elapsed.TotalSeconds:0.0} s. {summary()}");
    }

    private static string Brief(IReadOnlyList<Variant> variants, Dictionary<string, List<ColdStartSample>> samples, Func<ColdStartSample, double> figure) =>
        "median cold invoke: " + string.Join(", ", variants.Select(v => $"{v.Name} {Distribution.Of(samples[v.Name].Select(figure))!.Median:0.00} ms"));
}
