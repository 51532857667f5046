using Bootstrap.Bench.Results;

namespace Bootstrap.Bench.Tests;

[Trait(Tier.Name, Tier.Unit)]
public sealed class StatisticsTests
{
    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        var d = Distribution.Of([4, 1, 3, 2, 5])!;
        Assert.Equal(3, d.Median);
        Assert.Equal(4.6, d.P90, 6);
        Assert.Equal(1, d.Min);
        Assert.Equal(5, d.Max);
        Assert.Null(Distribution.Of([]));
    }

    [Fact]
    public void A_profile_line_lines_up_with_the_spawn_clock()
    {
        const long spawn = 1_000_000_000;
        string stderr = "noise\nbootstrap-profile: start=990000000 main=1002000000 config=1002100000 handler=1002300000 connect=1002400000 next=1002450000 cpu_main=1500000 tick=10000000\n";
        var phases = StartupProfileLine.Parse(stderr, spawn, nextReceivedAtNs: 1_002_500_000)!;
        Assert.Equal(2.0, phases.SpawnToMainMs, 6);
        Assert.Equal(0.1, phases.MainToConfigMs, 6);
        Assert.Equal(0.2, phases.ConfigToHandlerMs, 6);
        Assert.Equal(0.1, phases.HandlerToConnectMs, 6);
        Assert.Equal(0.05, phases.ConnectToNextMs, 6);
        Assert.Equal(0.05, phases.NextToReceivedMs, 6);
        Assert.Equal(-10.0, phases.SpawnToOsStartMs, 6);
        Assert.Equal(1.5, phases.CpuBeforeMainMs, 6);
        Assert.Equal(2.5, phases.Segments().Sum(), 6);
        Assert.Null(StartupProfileLine.Parse("no profile here", spawn, spawn));
    }
}
