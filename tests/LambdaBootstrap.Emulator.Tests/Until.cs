namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Waits for a condition the code under test makes true, checking it as often as it can change.</summary>
internal static class Until
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Completes when <paramref name="condition"/> holds; fails the test after <see cref="Patience"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        var giveUp = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, what ?? "the condition did not come true");
            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
