using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Bootstrap.Bench.Reports;
using Bootstrap.Bench.Results;
using LambdaBootstrap.Emulator.Processes;

namespace Bootstrap.Bench;

/// <summary>
/// <c>bootstrap-bench</c>: builds the floor, the reference and the minimal functions, measures every variant, writes
/// results.json, report.md, cold-start.svg, cold-read.svg and init-phases.svg, and prints a short table and the bars.
/// Exit codes: 0 done, 1 a variant or a build failed, 2 bad command line, 3 a bar failed (with --check-bars).
/// </summary>
public static class BenchProgram
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (BenchException e)
        {
            stderr.WriteLine($"bootstrap-bench: {e.Message}");
            return 2;
        }
        if (options.ShowHelp)
        {
            stdout.WriteLine(BenchOptions.Usage);
            return 0;
        }
        try
        {
            return Measure(options, stdout, stderr);
        }
        catch (BenchException e)
        {
            stderr.WriteLine();
            stderr.WriteLine($"bootstrap-bench: FAILED: {e.Message}");
            return 1;
        }
    }

    private static int Measure(BenchOptions options, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var progress = new Progress(stderr);
        string repo = options.RepoRoot is { } given ? Path.GetFullPath(given) : FindRepoRoot();
        string output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(repo, "artifacts", "bench"));
        string build = Path.Combine(output, "build");
        string logs = Path.Combine(output, "logs");
        Directory.CreateDirectory(build);
        Directory.CreateDirectory(logs);

        string host = Path.GetFullPath(options.HostPath ?? Path.Combine(repo, "artifacts", "bootstrap"));
        if (!File.Exists(host))
            throw new BenchException($"no bootstrap at {host}: run `make bootstrap` first (or pass --host PATH)");

        var builder = new VariantBuilder(repo, build, options.TargetFramework, VariantBuilder.DefaultPublishLock(repo));
        byte[] @event = Encoding.UTF8.GetBytes(BenchDefaults.Event);
        byte[] greeting = Encoding.UTF8.GetBytes(BenchDefaults.GreetResponse);
        progress.Say("bootstrap-bench: building the C floor (gcc)");
        var variants = new List<Variant>
        {
            new("floor", VariantKind.Floor, builder.Floor(), null, @event, @event, "C floor: one socket, GET /next, POST the event back, nothing else"),
            new("echo", VariantKind.Bootstrap, host, "echo", @event, @event, "this repository's bootstrap, bytes path"),
            new("greet", VariantKind.Bootstrap, host, "greet", @event, greeting, "this repository's bootstrap, typed JSON path"),
        };
        if (options.Publish)
        {
            progress.Say("bootstrap-bench: publishing the two minimal functions and the HttpClient reference (Native AOT)");
            variants.Add(new(PerformanceBars.MinimalBytes, VariantKind.Minimal, builder.MinimalBytes(), "echo", @event, @event,
                "a user's smallest function: one LambdaHandler.Bytes handler (echo)"));
            variants.Add(new(PerformanceBars.MinimalTyped, VariantKind.Minimal, builder.MinimalTyped(), "greet", @event, greeting,
                "a user's smallest typed function: one LambdaHandler.Json handler over two [LambdaJson] records"));
            variants.Add(new("httpclient", VariantKind.Reference, builder.Reference(), null, @event, @event,
                "reference: the echo handler on an HttpClient Runtime API client, same AOT settings"));
        }
        var untimed = new List<UntimedBinary>();
        void LeaveUntimed(string name, string path, LambdaArchitecture architecture)
        {
            untimed.Add(new UntimedBinary(name, path, architecture.LambdaName(), new FileInfo(path).Length));
            progress.Say($"bootstrap-bench: {name} is built for {architecture.LambdaName()}: size only, no timings (they would measure qemu)");
        }
        string arm64Host = Path.Combine(repo, "artifacts", "bootstrap-arm64");
        if (options.HostPath is null && File.Exists(arm64Host) && ElfMachine.Read(arm64Host) is { } arm64 && arm64 != ElfMachine.OfThisMachine())
            LeaveUntimed("host-arm64", arm64Host, arm64);
        foreach (var extra in options.ExtraBootstraps)
        {
            string full = Path.GetFullPath(extra.Path);
            if (!File.Exists(full))
                throw new BenchException($"--bootstrap {extra.Path}: no such file");
            string label = extra.Name ?? Path.GetFileName(Path.GetDirectoryName(full)) ?? "extra";
            if (variants.Any(v => v.Name == label) || untimed.Any(u => u.Name == label))
                label = $"{label}-{variants.Count + untimed.Count}";
            if (ElfMachine.Read(full) is { } architecture && architecture != ElfMachine.OfThisMachine())
            {
                LeaveUntimed(label, full, architecture);
                continue;
            }
            // `--env _HANDLER=NAME` picks that bootstrap's handler, over --handler.
            string handler = extra.Environment.LastOrDefault(e => e.StartsWith("_HANDLER=", StringComparison.Ordinal))?["_HANDLER=".Length..] ?? options.ExtraHandler;
            var environment = extra.Environment.Where(e => !e.StartsWith("_HANDLER=", StringComparison.Ordinal)).ToList();
            string description = environment.Count == 0 ? "given on the command line" : $"given on the command line, with {string.Join(" ", environment)}";
            variants.Add(new Variant(label, VariantKind.Extra, full, handler, Encoding.UTF8.GetBytes(options.ExtraEvent), null, description)
            {
                Environment = environment,
            });
        }

        progress.Say($"bootstrap-bench: {variants.Count} variants: {string.Join(", ", variants.Select(v => v.Name))}");
        List<VariantResult> measured;
        List<ThroughputResult> throughput;
        ColdDiskSetup? coldDiskSetup = null;
        using (var placement = options.ColdDisk ? ColdDiskPlacement.Choose(options.ReadaheadKb, build, variants, progress) : null)
        {
            coldDiskSetup = placement?.Setup;
            (measured, throughput) = new BenchRunner(options, progress).Run(variants, placement?.Variants ?? variants, logs);
        }
        var bars = PerformanceBars.Check(measured, coldDiskSetup);
        var results = new BenchResults(
            DateTimeOffset.UtcNow,
            Machine() with { ReadaheadKb = DeviceReadahead.KbFor(host) },
            new BenchSettings(options.ColdStarts, options.WarmInvocations, options.Profiles, options.ColdDisk, BenchDefaults.Event, (int)options.Timeout.TotalSeconds),
            variants[0].Name,
            measured,
            throughput,
            bars,
            Math.Round(clock.Elapsed.TotalSeconds, 1))
        {
            Untimed = untimed,
            ColdDiskSetup = coldDiskSetup,
        };

        File.WriteAllText(Path.Combine(output, "results.json"), JsonSerializer.Serialize(results, ResultsJson.Default.BenchResults));
        File.WriteAllText(Path.Combine(output, "report.md"), MarkdownReport.Render(results, Notes()));
        File.WriteAllText(Path.Combine(output, "cold-start.svg"), ColdStartPlot.Render(measured));
        File.WriteAllText(Path.Combine(output, "init-phases.svg"), InitPhasePlot.Render(measured));
        if (options.ColdDisk)
            File.WriteAllText(Path.Combine(output, "cold-read.svg"), ColdReadPlot.Render(measured));

        stdout.WriteLine();
        stdout.Write(ConsoleSummary.Render(results));
        stdout.WriteLine();
        stdout.WriteLine($"bootstrap-bench: report in {output}/ (report.md, results.json, cold-start.svg, {(options.ColdDisk ? "cold-read.svg, " : "")}init-phases.svg), {clock.Elapsed.TotalSeconds:0} s");
        return options.CheckBars && bars.Any(b => !b.Pass) ? 3 : 0;
    }

    /// <summary>The notes on what each optimisation bought, measured with this bench (Notes.md, embedded).</summary>
    private static string Notes()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Notes.md");
        return stream is null ? "(no notes)" : new StreamReader(stream).ReadToEnd();
    }

    private static MachineInfo Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        string kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;
        return new MachineInfo(Environment.ProcessorCount, kernel, cpu);
    }

    private static string FindRepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bootstrap.sln")))
                    return dir.FullName;
            }
        }
        throw new BenchException("cannot find the repository root (Bootstrap.sln); pass --repo DIR");
    }
}
