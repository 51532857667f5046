using System.Diagnostics;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>--watch: a function project rebuilt (a JIT build) on every change, the next invoke starting it cold.</summary>
public sealed class WatchTests : IDisposable
{
    // A build on a busy machine can take a while; the test waits for the emulator's lines, not for a time.
    private static readonly TimeSpan BuildPatience = TimeSpan.FromMinutes(4);
    private readonly string _project = Directory.CreateTempSubdirectory("watch-project-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private void WriteHandler(string body) => File.WriteAllText(Path.Combine(_project, "Program.cs"), $$"""
        using System;
        using LambdaBootstrap.Runtime;
        using LambdaBootstrap.Runtime.Handlers;

        return LambdaRuntime.Run(new HandlerRegistry
        {
            ["hello"] = () => LambdaHandler.Bytes((ReadOnlyMemory<byte> e, ILambdaContext context) => {{body}}),
        });
        """);

    [Fact]
    public async Task A_change_is_rebuilt_and_served_cold_a_broken_build_keeps_the_last_and_changes_during_a_build_coalesce()
    {
        string repo = BootstrapBinaries.RepoRoot;
        File.WriteAllText(Path.Combine(_project, "Hello.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(repo, "build", "Bootstrap.Function.props")}" />
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(repo, "src", "LambdaBootstrap.Runtime", "LambdaBootstrap.Runtime.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        WriteHandler("\"\\\"v1\\\"\"u8.ToArray()");
        using var emulator = await CliUnderTest.StartAsync($"--watch {_project} --handler hello --port 0", BuildPatience);
        Assert.Equal("\"v1\"", await InvokeAsync(emulator)); // the runtime runs under the JIT too

        WriteHandler("\"\\\"v2\\\"\"u8.ToArray()");
        var saved = Stopwatch.StartNew();
        await emulator.WaitForLinesAsync(l => l.StartsWith("emulator: watch: rebuilt in "), 1, BuildPatience);
        Assert.Equal("\"v2\"", await InvokeAsync(emulator));
        Console.WriteLine($"watch: saved change to first response in {saved.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains("Init Duration", await ReportLineAsync(emulator, 2));

        WriteHandler("\"v3\" + ;");
        await emulator.WaitForLinesAsync(l => l.Contains("the build failed; the previous build keeps serving"), 1, BuildPatience);
        Assert.Contains(emulator.Errors, l => l.StartsWith("emulator: watch: ") && l.Contains("error CS"));
        Assert.Equal("\"v2\"", await InvokeAsync(emulator));
        Assert.DoesNotContain("Init Duration", await ReportLineAsync(emulator, 3)); // the same process went on

        // Three saves while a build runs: one more rebuild takes them all.
        int started = emulator.Lines.Count(l => l == "emulator: watch: a change: rebuilding");
        WriteHandler("\"\\\"v4\\\"\"u8.ToArray()");
        await emulator.WaitForLinesAsync(l => l == "emulator: watch: a change: rebuilding", started + 1, BuildPatience);
        foreach (string version in new[] { "v5", "v6", "v7" })
            WriteHandler($"\"\\\"{version}\\\"\"u8.ToArray()");
        await emulator.WaitForLinesAsync(l => l.StartsWith("emulator: watch: rebuilt in "), 3, BuildPatience);
        Assert.Equal("\"v7\"", await InvokeAsync(emulator));
        Assert.Equal(started + 2, emulator.Lines.Count(l => l == "emulator: watch: a change: rebuilding"));
    }

    /// <summary>The <paramref name="n"/>th REPORT line, once the emulator's output has brought it.</summary>
    private static async Task<string> ReportLineAsync(CliUnderTest emulator, int n) =>
        (await emulator.WaitForLinesAsync(l => l.StartsWith("REPORT "), n))[n - 1];

    private static async Task<string> InvokeAsync(CliUnderTest emulator)
    {
        using var response = await emulator.Http.PostAsync("/2015-03-31/functions/function/invocations", new StringContent("{}"));
        return await response.Content.ReadAsStringAsync();
    }
}
