using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.HttpFrontDoor;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The front door's two options: parsed strictly, with a one-line reason for a bad one.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpFrontDoorCommandLineTests
{
    private static readonly string Bootstrap = typeof(HttpFrontDoorCommandLineTests).Assembly.Location;

    [Theory]
    [InlineData("apigateway-v1", nameof(FrontDoorEventFormat.ApiGatewayV1))]
    [InlineData("apigateway-v2", nameof(FrontDoorEventFormat.ApiGatewayV2))]
    [InlineData("function-url", nameof(FrontDoorEventFormat.FunctionUrl))]
    [InlineData("alb", nameof(FrontDoorEventFormat.Alb))]
    public void Http_event_names_each_format(string name, string formatName)
    {
        var format = Enum.Parse<FrontDoorEventFormat>(formatName);
        var line = EmulatorCommandLine.Parse(["--bootstrap", Bootstrap, "--http-port", "0", "--http-event", name]);
        Assert.Equal(0, line.HttpPort);
        Assert.Equal(format, line.HttpEvent);
    }

    [Fact]
    public void The_default_is_no_front_door_and_payload_2()
    {
        var line = EmulatorCommandLine.Parse(["--bootstrap", Bootstrap]);
        Assert.Null(line.HttpPort);
        Assert.Equal(FrontDoorEventFormat.ApiGatewayV2, EmulatorCommandLine.Parse(["--bootstrap", Bootstrap, "--http-port", "8080"]).HttpEvent);
    }

    [Theory]
    [InlineData("--http-event rest", "--http-event must be apigateway-v1, apigateway-v2, function-url or alb, not 'rest'")]
    [InlineData("--http-event alb", "--http-event needs --http-port")]
    [InlineData("--http-port 70000", "--http-port must be a port number from 0 to 65535")]
    [InlineData("--http-port 0 --event x.json", "--http-port does not go with --event")]
    public void Bad_front_door_options_are_one_line(string arguments, string message)
    {
        var e = Assert.Throws<EmulatorException>(() => EmulatorCommandLine.Parse(["--bootstrap", Bootstrap, .. arguments.Split(' ')]));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Help_documents_both_options()
    {
        Assert.Contains("--http-port N", EmulatorCommandLine.Help);
        Assert.Contains("--http-event FORMAT", EmulatorCommandLine.Help);
        Assert.Contains("apigateway-v1", EmulatorCommandLine.Help);
    }
}
