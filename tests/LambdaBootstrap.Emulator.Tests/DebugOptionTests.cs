namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The CLI's --debug option, and the streaming invoke endpoint as --help describes it.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class DebugOptionTests
{
    private static readonly string AnyFile = typeof(DebugOptionTests).Assembly.Location;

    [Fact]
    public void Debug_is_off_unless_asked_for()
    {
        Assert.False(EmulatorCommandLine.Parse(["--bootstrap", AnyFile]).Debug);
        Assert.True(EmulatorCommandLine.Parse(["--bootstrap", AnyFile, "--debug"]).Debug);
    }

    [Fact]
    public void Help_explains_the_debug_lines_and_the_streaming_endpoint()
    {
        foreach (string text in new[] { "--debug", "STREAM", "XRAY-ERROR-CAUSE", "/2015-03-31/functions/function/response-streaming-invocations",
                     "Lambda-Runtime-Function-Error-Type", "Lambda-Runtime-Function-Error-Body" })
            Assert.Contains(text, EmulatorCommandLine.Help);
    }
}
