namespace LambdaBootstrap.Events.Tests;

/// <summary>Every fixture of <c>events/triggers/</c> is read by its type and written back with nothing lost.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RoundTripTests
{
    public static TheoryData<string> Fixtures() =>
        new(Directory.EnumerateFiles(SampleEvents.Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_round_trips_with_nothing_lost(string file)
    {
        Assert.True(TriggerFixtures.Types.TryGetValue(file, out var roundTrip), $"{file} has no type in TriggerFixtures");
        roundTrip(file);
    }

    [Fact]
    public void Every_manifest_entry_has_its_fixture()
    {
        var missing = TriggerFixtures.Types.Keys.Where(f => !File.Exists(Path.Combine(SampleEvents.Folder, f)));
        Assert.Empty(missing);
    }
}
