using System.Globalization;
using System.Text;
using Bootstrap.Bench.RuntimeApi;

namespace Bootstrap.Bench.Soak;

/// <summary>
/// <c>bootstrap-bench soak</c>: many warm invocations through the AOT <c>echo</c> and <c>greet</c> against the lean
/// Runtime API, reading peak RSS and open descriptors at checkpoints. Every response is checked. The bars: peak RSS
/// grows at most 5% between the last two checkpoints, and the descriptors stay constant. Exit 3 when a bar fails.
/// </summary>
public static class SoakProgram
{
    public const string Usage = """
        usage: bootstrap-bench soak [options]
          --checkpoints N,N,...   invocations at which memory and descriptors are read (default 1000,10000,100000)
          --concurrent N,N,...    the same for echo with AWS_LAMBDA_MAX_CONCURRENCY=8 (default 1000,10000,100000)
          --host PATH             the bootstrap (default artifacts/bootstrap)
          --timeout SECONDS       longest wait for any one answer (default 10)
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        int[] checkpoints = [1_000, 10_000, 100_000];
        int[] concurrent = [1_000, 10_000, 100_000];
        string? host = null;
        var timeout = TimeSpan.FromSeconds(10);
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new BenchException($"{args[i]} needs a value\n{Usage}");
                switch (args[i])
                {
                    case "--checkpoints": checkpoints = Counts(Value()); break;
                    case "--concurrent": concurrent = Counts(Value()); break;
                    case "--host": host = Value(); break;
                    case "--timeout": timeout = TimeSpan.FromSeconds(Counts(Value())[0]); break;
                    case "--help": stdout.WriteLine(Usage); return 0;
                    default: throw new BenchException($"unknown option '{args[i]}'\n{Usage}");
                }
            }
        }
        catch (BenchException e)
        {
            stderr.WriteLine($"bootstrap-bench soak: {e.Message}");
            return 2;
        }

        try
        {
            string path = Path.GetFullPath(host ?? Path.Combine("artifacts", "bootstrap"));
            if (!File.Exists(path))
                throw new BenchException($"no bootstrap at {path}: run `make bootstrap` first (or pass --host PATH)");
            byte[] @event = Encoding.UTF8.GetBytes(BenchDefaults.Event);
            var runs = new (Variant Variant, int Concurrency, int[] Checkpoints)[]
            {
                (new Variant("echo", VariantKind.Bootstrap, path, "echo", @event, @event, "echo"), 1, checkpoints),
                (new Variant("greet", VariantKind.Bootstrap, path, "greet", @event, Encoding.UTF8.GetBytes(BenchDefaults.GreetResponse), "greet"), 1, checkpoints),
                (new Variant("echo", VariantKind.Bootstrap, path, "echo", @event, @event, "echo"), 8, concurrent),
            };
            string logs = Directory.CreateTempSubdirectory("bootstrap-soak-").FullName;
            bool pass = true;
            using var api = new FakeRuntimeApi();
            foreach (var (variant, concurrency, points) in runs.Where(r => r.Checkpoints.Length > 0))
            {
                var result = Soak(variant, api, timeout, logs, concurrency, points);
                stdout.WriteLine($"soak: {result.Describe()}");
                pass &= result.Pass;
            }
            Directory.Delete(logs, recursive: true);
            return pass ? 0 : 3;
        }
        catch (BenchException e)
        {
            stderr.WriteLine($"bootstrap-bench soak: FAILED: {e.Message}");
            return 1;
        }
    }

    /// <summary>One process, invocations up to each checkpoint in turn, its resources read while it waits on /next.</summary>
    public static SoakResult Soak(Variant variant, FakeRuntimeApi api, TimeSpan timeout, string logs, int concurrency, int[] checkpoints)
    {
        api.DropPending();
        using var runner = new VariantRunner(variant, api, timeout, logs);
        using var loops = runner.StartLoops(concurrency);
        var results = new List<(int, ProcessResources)>();
        int done = 0;
        foreach (int checkpoint in checkpoints)
        {
            loops.RoundTrips((checkpoint - done) / concurrency);
            done = checkpoint;
            results.Add((checkpoint, ProcessResources.Read(loops.Child.Pid)));
        }
        return new SoakResult(variant.Name, concurrency, results);
    }

    private static int[] Counts(string text)
    {
        var counts = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n : throw new BenchException($"'{part}' is not a positive whole number")).ToArray();
        if (counts.Zip(counts.Skip(1)).Any(p => p.Second <= p.First))
            throw new BenchException($"checkpoints must grow: {text}");
        return counts;
    }
}
