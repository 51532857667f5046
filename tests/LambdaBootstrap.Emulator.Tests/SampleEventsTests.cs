using System.Text.Json;
using LambdaBootstrap.Emulator.WebConsole;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The console's trigger samples: every event of the project's events/triggers/, each under a name.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class SampleEventsTests
{
    private static readonly string TriggersFolder = Path.Combine(BootstrapBinaries.RepoRoot, "events", "triggers");

    [Fact]
    public void Every_trigger_event_is_offered_under_a_name_of_its_own()
    {
        var events = Directory.EnumerateFiles(TriggersFolder, "*.json").Select(Path.GetFileName)
            .Where(f => !f!.EndsWith("-response.json", StringComparison.Ordinal) && !f.EndsWith(".decoded.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var offered = new SampleEvents([]).List().Where(s => s.Group == SampleEvents.TriggerGroup).ToList();

        Assert.Equal(events, offered.Select(s => s.Id["trigger:".Length..]).Order(StringComparer.Ordinal));
        Assert.All(offered, s => Assert.NotEqual(s.Id["trigger:".Length..], s.Name));
        Assert.Equal(offered.Count, offered.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void A_listed_sample_reads_as_its_file_and_anything_else_reads_as_nothing()
    {
        var samples = new SampleEvents([]);
        var sqs = samples.List().Single(s => s.Id == "trigger:sqs.json");

        Assert.Equal(File.ReadAllText(Path.Combine(TriggersFolder, "sqs.json")), samples.Read(sqs.Id));
        using (JsonDocument.Parse(samples.Read(sqs.Id)!)) { }
        Assert.Null(samples.Read("trigger:sqs-batch-response.json"));
        Assert.Null(samples.Read("trigger:../../secrets.json"));
        Assert.Null(samples.Read("file:/etc/passwd"));
    }
}
