using LambdaBootstrap.Emulator.Async;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Which file each destination's messages go to, and which function a Lambda destination names.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class DestinationArnTests
{
    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:012345678912:orders-dlq", "sqs-orders-dlq.jsonl")]
    [InlineData("arn:aws:sns:eu-west-1:012345678912:alerts", "sns-alerts.jsonl")]
    [InlineData("arn:aws:events:us-east-1:012345678912:event-bus/default", "events-default.jsonl")]
    [InlineData("arn:aws:s3:::failed-records", "s3-failed-records.jsonl")]
    public void Each_target_has_its_own_file(string arn, string file) => Assert.Equal(file, DestinationArn.Parse(arn)!.FileName);

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:012345678912:function:catcher", "catcher")]
    [InlineData("arn:aws:lambda:us-east-1:012345678912:function:catcher:live", "catcher")]
    [InlineData("arn:aws:sqs:us-east-1:012345678912:catcher", null)]
    public void A_Lambda_destination_names_its_function(string arn, string? function) => Assert.Equal(function, DestinationArn.Parse(arn)!.FunctionName);

    [Theory]
    [InlineData("catcher")]
    [InlineData("arn:aws:sqs")]
    public void Anything_else_is_no_ARN(string value) => Assert.Null(DestinationArn.Parse(value));

    [Fact]
    public void The_retry_delay_doubles_for_the_second_retry()
    {
        var config = new EventInvokeConfig { RetryDelay = TimeSpan.FromSeconds(3) };
        Assert.Equal(TimeSpan.FromSeconds(3), config.DelayBefore(1));
        Assert.Equal(TimeSpan.FromSeconds(6), config.DelayBefore(2));
    }

    [Fact]
    public void The_command_line_takes_the_retry_delay_and_the_destinations_folder()
    {
        string bootstrap = typeof(DestinationArnTests).Assembly.Location;
        var parsed = EmulatorCommandLine.Parse(["--bootstrap", bootstrap, "--retry-delay", "0.5", "--destinations", "out"]);
        Assert.Equal(0.5, parsed.RetryDelaySeconds);
        Assert.Equal("out", parsed.DestinationsFolder);
        Assert.Throws<Hosting.EmulatorException>(() => EmulatorCommandLine.Parse(["--bootstrap", bootstrap, "--retry-delay", "0"]));
    }
}
