using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>A template's EventInvokeConfig, DeadLetterQueue and DeadLetterConfig, with destinations named by ARN or by resource.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class TemplateEventInvokeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("template-async-").FullName;

    public TemplateEventInvokeTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        File.WriteAllText(Path.Combine(_directory, "code", "bootstrap"), "not run here");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SamTemplate Load(string resources)
    {
        string path = Path.Combine(_directory, "template.yaml");
        File.WriteAllText(path, "Resources:\n" + resources);
        return SamTemplate.Load(path);
    }

    [Fact]
    public void Destinations_are_ARNs_or_the_templates_own_resources()
    {
        using var template = Load("""
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  CodeUri: code/
                  EventInvokeConfig:
                    MaximumRetryAttempts: 0
                    MaximumEventAgeInSeconds: 120
                    DestinationConfig:
                      OnSuccess: { Type: EventBridge, Destination: !GetAtt Bus.Arn }
                      OnFailure: { Type: Lambda, Destination: { "Fn::GetAtt": [Receiver, Arn] } }
                  DeadLetterQueue: { Type: SNS, TargetArn: !Ref Topic }
              Receiver:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: receiver
                  Runtime: provided.al2023
                  Code: code/
                  DeadLetterConfig: { TargetArn: arn:aws:sqs:eu-west-1:111122223333:elsewhere }
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: { Type: S3, Destination: !GetAtt Bucket.Arn }
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders } }
              Topic: { Type: AWS::SNS::Topic, Properties: { TopicName: dead } }
              Bucket: { Type: AWS::S3::Bucket }
            """);

        var sender = template.Functions.Single(f => f.LogicalId == "Sender").EventInvoke;
        Assert.Equal(0, sender.MaximumRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(120), sender.MaximumEventAge);
        Assert.Equal("arn:aws:events:us-east-1:012345678912:event-bus/orders", sender.OnSuccess);
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:receiver", sender.OnFailure);
        Assert.Equal("arn:aws:sns:us-east-1:012345678912:dead", sender.DeadLetterQueue);

        var receiver = template.Functions.Single(f => f.LogicalId == "Receiver").EventInvoke;
        Assert.Equal(2, receiver.MaximumRetryAttempts);
        Assert.Equal("arn:aws:sqs:eu-west-1:111122223333:elsewhere", receiver.DeadLetterQueue);
        Assert.Equal("arn:aws:s3:::Bucket", receiver.OnFailure);
        Assert.Null(receiver.OnSuccess);
        Assert.DoesNotContain(template.Warnings, w => w.Contains("EventInvokeConfig") || w.Contains("DeadLetter"));
    }

    [Fact]
    public void A_destination_it_cannot_name_is_a_warning_and_a_retry_count_out_of_range_an_error()
    {
        using (var template = Load("""
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  CodeUri: code/
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: { Type: SQS, Destination: !GetAtt Missing.Arn }
            """))
        {
            Assert.Null(template.Functions[0].EventInvoke.OnFailure);
            Assert.Contains(template.Warnings, w => w.StartsWith("Sender: OnFailure is not an ARN", StringComparison.Ordinal));
        }

        var e = Assert.Throws<EmulatorException>(() => Load("""
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  CodeUri: code/
                  EventInvokeConfig: { MaximumRetryAttempts: 3 }
            """));
        Assert.Equal("template: Sender: MaximumRetryAttempts must be 0, 1 or 2, not 3", e.Message);
    }
}
