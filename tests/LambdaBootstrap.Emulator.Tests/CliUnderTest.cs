using System.Collections.Concurrent;
using System.Diagnostics;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The emulator's command line running in the background, as a person runs it: its output kept line by line.</summary>
public sealed class CliUnderTest : IDisposable
{
    /// <summary>How long to wait for the emulator's output before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "bootstrap-emulator.dll");
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private CliUnderTest(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; private set; } = null!;
    public IReadOnlyList<string> Lines => _lines.ToArray();
    public IReadOnlyList<string> Errors => _errors.ToArray();

    /// <summary>Starts it (arguments split at spaces) and waits until it is ready to be invoked.</summary>
    public static async Task<CliUnderTest> StartAsync(string arguments, TimeSpan? patience = null)
    {
        var cli = new CliUnderTest(Process.Start(Info(arguments))!);
        string ready = (await cli.WaitForLinesAsync(l => l.Contains("invoke with POST http://127.0.0.1:"), 1, patience))[0];
        int port = int.Parse(ready.Split("http://127.0.0.1:")[1].Split('/')[0]);
        cli.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        return cli;
    }

    /// <summary>Runs it to the end: exit code, stdout, stderr.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string arguments)
    {
        using var process = Process.Start(Info(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits until <paramref name="count"/> lines of its output (stdout, then stderr) match, and gives them, failing rather than hanging.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Lines.Concat(Errors).Where(match).ToList();
            if (found.Count >= count)
                return found;
            if (_process.HasExited || clock.Elapsed > (patience ?? Patience))
                throw new InvalidOperationException($"waited for {count} lines, got {found.Count}; output:\n{string.Join("\n", Lines.Concat(Errors))}");
            await Task.Delay(20);
        }
    }

    private static ProcessStartInfo Info(string arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Cli);
        foreach (string argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            info.ArgumentList.Add(argument);
        return info;
    }

    public void Dispose()
    {
        Http?.Dispose();
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
