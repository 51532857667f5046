using Bootstrap.TestSupport.Processes;

namespace Bootstrap.TestSupport.Emulator;

/// <summary>The emulator's command line running in the background, as a person runs it: its output kept line by line.</summary>
public sealed class CliUnderTest : IDisposable
{
    /// <summary>How long to wait for the emulator's output before failing.</summary>
    public static readonly TimeSpan Patience = Bootstrap.TestSupport.Patience.Default;
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "bootstrap-emulator.dll");
    private readonly ChildProcess _process;

    private CliUnderTest(ChildProcess process) => _process = process;

    public HttpClient Http { get; private set; } = null!;
    public IReadOnlyList<string> Lines => _process.Output.Stdout;
    public IReadOnlyList<string> Errors => _process.Output.Stderr;

    /// <summary>Starts it (arguments split at spaces) and waits until it is ready to be invoked.</summary>
    public static async Task<CliUnderTest> StartAsync(string arguments, TimeSpan? patience = null)
    {
        var cli = new CliUnderTest(Start(arguments));
        try
        {
            string ready = (await cli.WaitForLinesAsync(l => l.Contains("invoke with POST http://127.0.0.1:"), 1, patience))[0];
            int port = int.Parse(ready.Split("http://127.0.0.1:")[1].Split('/')[0]);
            cli.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
            return cli;
        }
        catch
        {
            cli.Dispose();
            throw;
        }
    }

    /// <summary>Runs it to the end: exit code, stdout, stderr.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string arguments)
    {
        using var process = Start(arguments);
        int code = await process.Exited.WaitAsync(TimeSpan.FromSeconds(60));
        return (code, Joined(process.Output.Stdout), Joined(process.Output.Stderr));
    }

    /// <summary>Waits until <paramref name="count"/> lines of its output (stdout or stderr) match, and gives them, failing rather than hanging.</summary>
    public Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan? patience = null) =>
        _process.Output.WaitForLinesAsync(match, count, patience ?? Patience);

    private static ChildProcess Start(string arguments) =>
        ChildProcess.Start("dotnet", [Cli, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], workingDirectory: Environment.CurrentDirectory);

    private static string Joined(IReadOnlyList<string> lines) => lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";

    public void Dispose()
    {
        Http?.Dispose();
        _process.Dispose();
    }
}
