using System.Globalization;

namespace Bootstrap.Bench;

/// <summary>A bootstrap given with --bootstrap: an optional label, the path, and --env variables for it alone.</summary>
public sealed record ExtraBootstrap(string? Name, string Path)
{
    public List<string> Environment { get; } = [];
}

/// <summary>The command line of <c>bootstrap-bench</c>; see <see cref="Usage"/>.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: bootstrap-bench [options]
          --cold N               cold starts per variant (default 30), and as many with the binary evicted
          --warm M               warm invocations in one process per variant (default 1000)
          --profile P            BOOTSTRAP_PROFILE=1 cold starts per variant for the init phases (default: N)
          --no-cold-disk         skip the cold-disk starts (binary evicted from the page cache before each spawn)
          --readahead-kb N       run the cold-disk starts from a loop-mounted ext4 image of the bench's own with this
                                 readahead (default 128, Lambda's; needs root and a loop device, else the machine's
                                 disk is used and the report says so); 0 or `machine`: from the machine's own disk
          --out DIR              where results.json, report.md and the plots go (default artifacts/bench)
          --host PATH            the repository's bootstrap (default artifacts/bootstrap; `make bootstrap` builds it)
          --no-publish           skip the AOT publishes (the HttpClient reference and the two minimal functions):
                                 only the floor, the host and the --bootstrap ones are measured
          --bootstrap [NAME=]PATH  another bootstrap to compare, e.g. your own function (repeatable); one built for
                                 the other architecture is listed by size only, as artifacts/bootstrap-arm64 is
          --env VAR=VALUE        an environment variable for the --bootstrap just before it (repeatable);
                                 --env _HANDLER=NAME gives that one its own handler
          --handler NAME         _HANDLER for the --bootstrap ones (default echo)
          --event JSON           the event for the --bootstrap ones (default {"name":"Ada"})
          --tfm TFM              target framework for the HttpClient reference and the minimal functions (default net10.0)
          --timeout SECONDS      longest wait for any one answer from a bootstrap (default 10)
          --check-bars           exit 3 if a performance bar fails (default: report only)
          --repo DIR             the repository root (default: found from the current directory)
        """;

    public int ColdStarts { get; private set; } = 30;
    public int WarmInvocations { get; private set; } = 1000;
    public int? ProfileRuns { get; private set; }
    public bool ColdDisk { get; private set; } = true;
    /// <summary>read_ahead_kb of the disk the cold-disk starts run from; 0: the machine's own disk, as it is.</summary>
    public int ReadaheadKb { get; private set; } = ReadaheadDisk.LambdaReadaheadKb;
    public string? OutputDirectory { get; private set; }
    public string? HostPath { get; private set; }
    public bool Publish { get; private set; } = true;
    public List<ExtraBootstrap> ExtraBootstraps { get; } = [];
    public string ExtraHandler { get; private set; } = "echo";
    public string ExtraEvent { get; private set; } = BenchDefaults.Event;
    public string TargetFramework { get; private set; } = "net10.0";
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(10);
    public bool CheckBars { get; private set; }
    public string? RepoRoot { get; private set; }
    public bool ShowHelp { get; private set; }

    public int Profiles => ProfileRuns ?? ColdStarts;

    /// <summary>Parses the arguments. Throws <see cref="BenchException"/> with the problem and the usage.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchException($"{arg} needs a value\n{Usage}");
            int Count(int min)
            {
                string text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min
                    ? n
                    : throw new BenchException($"{arg} needs a whole number >= {min}, got '{text}'\n{Usage}");
            }
            switch (arg)
            {
                case "--cold": options.ColdStarts = Count(1); break;
                case "--warm": options.WarmInvocations = Count(1); break;
                case "--profile": options.ProfileRuns = Count(0); break;
                case "--no-cold-disk": options.ColdDisk = false; break;
                case "--readahead-kb":
                    bool machine = i + 1 < args.Count && args[i + 1] == "machine";
                    options.ReadaheadKb = machine ? 0 : Count(0);
                    i += machine ? 1 : 0;
                    break;
                case "--out": options.OutputDirectory = Value(); break;
                case "--host": options.HostPath = Value(); break;
                case "--no-publish": options.Publish = false; break;
                case "--bootstrap":
                    string spec = Value();
                    int equals = spec.IndexOf('=');
                    options.ExtraBootstraps.Add(equals > 0 && !spec[..equals].Contains('/')
                        ? new ExtraBootstrap(spec[..equals], spec[(equals + 1)..])
                        : new ExtraBootstrap(null, spec));
                    break;
                case "--env":
                    string variable = Value();
                    if (options.ExtraBootstraps.Count == 0 || !variable.Contains('=') || variable.StartsWith('='))
                        throw new BenchException($"--env VAR=VALUE goes after the --bootstrap it is for\n{Usage}");
                    options.ExtraBootstraps[^1].Environment.Add(variable);
                    break;
                case "--handler": options.ExtraHandler = Value(); break;
                case "--event": options.ExtraEvent = Value(); break;
                case "--tfm": options.TargetFramework = Value(); break;
                case "--timeout": options.Timeout = TimeSpan.FromSeconds(Count(1)); break;
                case "--check-bars": options.CheckBars = true; break;
                case "--repo": options.RepoRoot = Value(); break;
                case "-h" or "--help": options.ShowHelp = true; break;
                default: throw new BenchException($"unknown option '{arg}'\n{Usage}");
            }
        }
        return options;
    }
}
