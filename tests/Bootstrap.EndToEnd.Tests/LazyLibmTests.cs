using System.Globalization;
using Bootstrap.TestFunction;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// A dynamic bootstrap does not need libm.so.6 at start (build/lazy-libm.c): the loader does not map it, and the first
/// call of a libm function loads it, with libm's own results.
/// </summary>
public sealed class LazyLibmTests
{
    private static string Needed(string binary)
    {
        var (exitCode, output) = Commands.Run("readelf", ["-d", binary]);
        Assert.True(exitCode == 0, output);
        return string.Join('\n', output.Split('\n').Where(line => line.Contains("(NEEDED)")));
    }

    private static bool MapsLibm(int pid) =>
        File.ReadLines($"/proc/{pid}/maps").Any(line => line.Contains("/libm.so.6") || line.Contains("/libm-"));

    [Fact]
    public void The_bootstraps_need_libc_but_not_libm()
    {
        foreach (string binary in new[] { BootstrapBinaries.Host, BootstrapBinaries.TestFunction, BootstrapBinaries.HostArm64 })
        {
            string needed = Needed(binary);
            Assert.Contains("libc.so.6", needed);
            Assert.DoesNotContain("libm.so", needed);
        }
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(123.456)]
    [InlineData(-2.5)]
    public async Task Libm_is_loaded_at_the_first_math_call_and_gives_libm_results(double x)
    {
        await using var function = await FunctionUnderTest.StartAsync("math", binary: BootstrapBinaries.TestFunction);
        var first = await function.InvokeAsync("1");
        Assert.Null(first.ErrorType);
        // By now the process is up and has answered once; the first math call above is what mapped libm.
        Assert.True(MapsLibm(function.Process.Id), "libm.so.6 is not mapped after a math call");

        var outcome = await function.InvokeAsync(x.ToString("R", CultureInfo.InvariantCulture));
        Assert.Null(outcome.ErrorType);
        Assert.Equal(MathResults.For(x), outcome.BodyText);
    }

    [Fact]
    public async Task A_function_that_calls_no_math_never_maps_libm()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        for (int i = 0; i < 3; i++)
            Assert.Equal("{\"n\":1}", (await function.InvokeAsync("{\"n\":1}")).BodyText);
        Assert.False(MapsLibm(function.Process.Id), "libm.so.6 is mapped though nothing called a libm function");
    }
}
