namespace LambdaBootstrap.Testing.XunitV3.Tests;

/// <summary>A fixture that counts its publishes instead of running one: what xunit v3 does with the fixture's lifetime.</summary>
public sealed class CountingFixture() : LambdaFunctionFixture("Function.csproj")
{
    public int Publishes;

    public override Task PublishAsync()
    {
        Interlocked.Increment(ref Publishes);
        return Task.CompletedTask;
    }
}

/// <summary>xunit v3 publishes the class fixture (the fixture's IAsyncLifetime is that version's) before the first test of the class.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class LambdaFunctionFixtureTests(CountingFixture fixture) : IClassFixture<CountingFixture>
{
    [Fact]
    public void The_project_is_published_once_before_the_first_test() => Assert.Equal(1, fixture.Publishes);
}
