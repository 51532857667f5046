using System.Globalization;
using Bootstrap.EmulatorSoak;

// emulator-soak --emulator EMULATOR_DLL --bootstrap ECHO_BOOTSTRAP [--seconds N] [--clients N]
//   four runs, at --max-concurrency 1 and 8 each: the echo bootstrap, then the scripted bootstrap with faults; exit 1 if a bar fails.
// emulator-soak scripted-bootstrap
//   the scripted bootstrap itself (the emulator starts it).
if (args is [ScriptedBootstrap.Command])
    return await ScriptedBootstrap.RunAsync();

string? emulatorDll = null, bootstrap = null;
double seconds = 60;
int clients = 128;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--emulator": emulatorDll = Value(); break;
            case "--bootstrap": bootstrap = Value(); break;
            case "--seconds": seconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--clients": clients = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: throw new FormatException($"unknown option {args[i]}");
        }
    }
    if (emulatorDll is null || bootstrap is null)
        throw new FormatException("--emulator EMULATOR_DLL and --bootstrap PATH are required");
}
catch (FormatException e)
{
    Console.Error.WriteLine($"emulator-soak: {e.Message}");
    return 2;
}

var baseline = new SoakOptions { EmulatorDll = emulatorDll, Bootstrap = bootstrap, Handler = "echo", Duration = TimeSpan.FromSeconds(seconds), Clients = clients };
var faulted = baseline with { Bootstrap = null, Handler = null, Faults = new FaultPlan(0.05, 0.01) };
var runs = new (string Name, SoakOptions Options)[]
{
    ("echo, one at a time", baseline),
    ("echo, eight at once", baseline with { MaxConcurrency = 8 }),
    ("scripted faults, one at a time", faulted),
    ("scripted faults, eight at once", faulted with { MaxConcurrency = 8 }),
};
bool failed = false;
foreach (var (name, options) in runs)
{
    var report = await SoakRun.RunAsync(name, options);
    Console.WriteLine(report.Summary());
    // The faulted runs restart their bootstrap all the time: their RSS is shown, the bar is for steady load, and
    // needs a run long enough for a window after the warm-up and a last one.
    bool checkRss = options.Faults.IsEmpty && options.Duration >= options.WarmUp + 2 * SoakReport.Window;
    if (options.Faults.IsEmpty && !checkRss)
        Console.WriteLine($"  (RSS bar not checked: a run needs {(options.WarmUp + 2 * SoakReport.Window).TotalSeconds:0} s for it)");
    var failures = report.Failures(checkRss);
    foreach (string failure in failures)
        Console.WriteLine($"  FAIL {failure}");
    Console.WriteLine(failures.Count == 0 ? "  ok" : "");
    failed |= failures.Count > 0;
}
return failed ? 1 : 0;
