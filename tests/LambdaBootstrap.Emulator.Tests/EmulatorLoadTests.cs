using Bootstrap.EmulatorSoak;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// Short runs of the emulator soak (make soak-emulator runs them for a minute each): the emulator's command line on
/// a real bootstrap, more clients than its queue takes, and every request answered exactly once, with one REPORT line
/// per invocation. Memory is measured by the long runs only.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class EmulatorLoadTests
{
    private static readonly string Emulator = Path.Combine(AppContext.BaseDirectory, "bootstrap-emulator.dll");

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task Echo_under_load_answers_every_request_once_and_throttles_past_the_queue(int maxConcurrency)
    {
        var report = await SoakRun.RunAsync("echo", new SoakOptions
        {
            EmulatorDll = Emulator,
            Bootstrap = BootstrapBinaries.Host,
            Handler = "echo",
            Duration = TimeSpan.FromSeconds(3),
            Clients = 24,
            MaxQueued = 8,
            MaxConcurrency = maxConcurrency,
        });

        Assert.Empty(report.Failures(checkRss: false));
        Assert.True(report.Book.Count(Answer.Echoed) > 0, report.Summary());
        Assert.True(report.Book.Count(Answer.Throttled) > 0, report.Summary());
        Assert.Equal(report.Book.Sent, report.Book.Count(Answer.Echoed) + report.Book.Count(Answer.Throttled));
        Assert.Equal(report.Book.Count(Answer.Echoed), report.ReportLines);
    }

    [Fact]
    public async Task Crashes_and_hangs_are_each_answered_once_with_Lambdas_error()
    {
        // Four clients, the queue never full: the seeded plan's first four events (sent at once) hold a crash and a hang.
        var report = await SoakRun.RunAsync("faults", new SoakOptions
        {
            EmulatorDll = Emulator,
            Duration = TimeSpan.FromSeconds(3),
            Clients = 4,
            TimeoutSeconds = 1,
            Faults = new FaultPlan(0.25, 0.25, seed: TestSeed),
        });

        Assert.Empty(report.Failures(checkRss: false));
        Assert.True(report.Book.Count(Answer.ExitError) > 0, report.Summary());
        Assert.True(report.Book.Count(Answer.TimedOut) > 0, report.Summary());
        Assert.True(report.Book.Count(Answer.Echoed) > 0, report.Summary());
        Assert.Equal(0, report.Book.Count(Answer.Throttled));
        Assert.Equal(report.Book.Sent, report.ReportLines);
    }

    [Fact]
    public void The_seeded_plan_puts_a_crash_and_a_hang_among_its_first_four_events()
    {
        var plan = new FaultPlan(0.25, 0.25, seed: TestSeed);
        var first = Enumerable.Range(0, 4).Select(_ => plan.Next()).ToList();
        Assert.Contains(Fault.Crash, first);
        Assert.Contains(Fault.Hang, first);
    }

    private const int TestSeed = 1;
}
