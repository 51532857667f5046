namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The GC settings a bootstrap gets from build/Bootstrap.Aot.props, as its GC reports them: regions of 16 MB in a
/// 32 GB range, which keep the GC's start-up bookkeeping (one map entry per region) to a few pages.
/// </summary>
public sealed class GcSettingsTests
{
    [Fact]
    public async Task A_function_runs_with_16_MB_regions_in_a_32_GB_range()
    {
        await using var function = await FunctionUnderTest.StartAsync("gc-settings", binary: BootstrapBinaries.TestFunction);
        var outcome = await function.InvokeAsync("{}");
        Assert.Null(outcome.ErrorType);
        Assert.Equal("1000000 800000000", outcome.BodyText);
    }
}
