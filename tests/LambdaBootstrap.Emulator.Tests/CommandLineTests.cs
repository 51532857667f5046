using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The emulator's CLI, run as a separate process the way a person runs it.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "bootstrap-emulator.dll");

    [Fact]
    public async Task Help_documents_every_option()
    {
        var (code, stdout, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--bootstrap", "--handler", "--port", "--runtime-api-port", "--timeout", "--memory", "--function-name", "--max-concurrency", "--max-queued", "--shutdown-budget", "--env", "--event", "--extension", "--debug", "--help" })
            Assert.Contains(option, stdout);
    }

    [Theory]
    [InlineData("--bootstrap /no/such/bootstrap", "bootstrap not found: /no/such/bootstrap")]
    [InlineData("--handler echo", "--bootstrap PATH is required")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--extension /no/such/extension", "extension not found: /no/such/extension")]
    [InlineData("--port", "--port needs a value")]
    [InlineData("--port 99999", "--port must be a port number")]
    public async Task Bad_arguments_give_one_line_and_exit_2(string arguments, string message)
    {
        var (code, stdout, stderr) = await RunAsync(arguments);
        Assert.Equal(2, code);
        Assert.Equal($"bootstrap-emulator: {message}", stderr.Trim().Split('\n').Single()[..$"bootstrap-emulator: {message}".Length]);
        Assert.Empty(stdout.Trim());
    }

    [Fact]
    public async Task A_port_in_use_gives_one_line_and_exit_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, stderr) = await RunAsync($"--bootstrap {BootstrapBinaries.Host} --handler echo --port {port}");
        Assert.Equal(2, code);
        string line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"bootstrap-emulator: cannot listen on 127.0.0.1:{port}", line);
    }

    [Fact]
    public async Task Event_files_are_invoked_in_order_with_their_responses_and_REPORT_lines()
    {
        string greet = Path.Combine(BootstrapBinaries.RepoRoot, "events", "greet.json");
        var (code, stdout, _) = await RunAsync($"--bootstrap {BootstrapBinaries.Host} --handler greet --event {greet} --event {greet}");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.Equal(2, lines.Count(l => l.StartsWith("REPORT RequestId: ")));
        Assert.Equal(2, lines.Count(l => l == "Response (200): {\"message\":\"Hello, Ada!\"}"));
    }

    [Fact]
    public async Task SIGTERM_shuts_the_emulator_and_its_bootstrap_down_cleanly()
    {
        using var process = Start($"--bootstrap {BootstrapBinaries.Host} --handler echo --port 0");
        string? ready = null;
        while (ready is null || !ready.StartsWith("emulator: Runtime API on"))
            ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        int port = int.Parse(ready.Split("http://127.0.0.1:")[1].Split('/')[0]);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var response = await http.PostAsync($"http://127.0.0.1:{port}/2015-03-31/functions/function/invocations", new StringContent("\"ping\""));
        Assert.Equal("\"ping\"", await response.Content.ReadAsStringAsync());
        int bootstrapPid = FindChild(process.Id);

        Assert.Equal(0, Kill(process.Id, 15));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
        Assert.False(Directory.Exists($"/proc/{bootstrapPid}") && !File.ReadAllText($"/proc/{bootstrapPid}/stat").Contains(") Z "),
            "the bootstrap outlived the emulator");
    }

    [Fact]
    public async Task The_function_name_option_names_the_one_function_the_Invoke_API_serves()
    {
        using var emulator = await CliUnderTest.StartAsync($"--bootstrap {BootstrapBinaries.Host} --handler echo --port 0 --function-name greeter");
        Assert.Contains(emulator.Lines, l => l.Contains("/2015-03-31/functions/greeter/invocations"));
        using var served = await emulator.Http.PostAsync("/2015-03-31/functions/greeter/invocations", new StringContent("1"));
        Assert.Equal("1", await served.Content.ReadAsStringAsync());
        using var unknown = await emulator.Http.PostAsync("/2015-03-31/functions/function/invocations", new StringContent("1"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ResourceNotFoundException", unknown.Headers.GetValues("X-Amzn-ErrorType").Single());
    }

    /// <summary>The pid of the one child process of <paramref name="parent"/>.</summary>
    private static int FindChild(int parent)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out int pid) && File.Exists($"{dir}/stat"))
            {
                string stat;
                try { stat = File.ReadAllText($"{dir}/stat"); } catch (IOException) { continue; }
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == parent && stat.Contains("(bootstrap)"))
                    return pid;
            }
        }
        throw new InvalidOperationException("no bootstrap child found");
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    private static Process Start(string arguments) => Process.Start(new ProcessStartInfo("dotnet", $"\"{Cli}\" {arguments}")
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    })!;

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string arguments)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
