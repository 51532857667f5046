using System.Globalization;
using LambdaBootstrap.Emulator.Async;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// A function's asynchronous invocation settings in a template: SAM's <c>EventInvokeConfig</c>
/// (<c>MaximumRetryAttempts</c>, <c>MaximumEventAgeInSeconds</c>, <c>DestinationConfig</c> with <c>OnSuccess</c> and
/// <c>OnFailure</c>, each a <c>Type</c> and a <c>Destination</c>) and <c>DeadLetterQueue</c> (<c>Type</c>,
/// <c>TargetArn</c>), or CloudFormation's <c>DeadLetterConfig</c>. A destination is an ARN, or a reference to a
/// resource of the template (<c>!GetAtt Other.Arn</c>, <c>!Ref Topic</c>): a function, queue, topic, bus or bucket.
/// </summary>
internal sealed class TemplateEventInvoke(YamlMappingNode resources, TemplateValues values, string region, string accountId)
{
    public EventInvokeConfig Read(string id, YamlMappingNode properties, YamlMappingNode? globals, List<string> warnings)
    {
        YamlNode? Property(string name) => values.Resolve(TemplateValues.Child(properties, name) ?? TemplateValues.Child(globals, name));

        var config = EventInvokeConfig.Default;
        if (Property("EventInvokeConfig") is YamlMappingNode eventInvoke)
        {
            if (TemplateValues.Text(values.Resolve(TemplateValues.Child(eventInvoke, "MaximumRetryAttempts"))) is { } retries)
                config = config with { MaximumRetryAttempts = int.TryParse(retries, CultureInfo.InvariantCulture, out int n) && n is >= 0 and <= 2 ? n
                    : throw new Hosting.EmulatorException($"template: {id}: MaximumRetryAttempts must be 0, 1 or 2, not {retries}") };
            if (TemplateValues.Text(values.Resolve(TemplateValues.Child(eventInvoke, "MaximumEventAgeInSeconds"))) is { } age)
                config = config with { MaximumEventAge = int.TryParse(age, CultureInfo.InvariantCulture, out int seconds) && seconds is >= 60 and <= 21600
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new Hosting.EmulatorException($"template: {id}: MaximumEventAgeInSeconds must be from 60 to 21600, not {age}") };
            var destinations = values.Resolve(TemplateValues.Child(eventInvoke, "DestinationConfig")) as YamlMappingNode;
            config = config with
            {
                OnSuccess = Destination(id, "OnSuccess", values.Resolve(TemplateValues.Child(destinations, "OnSuccess")) as YamlMappingNode, warnings),
                OnFailure = Destination(id, "OnFailure", values.Resolve(TemplateValues.Child(destinations, "OnFailure")) as YamlMappingNode, warnings),
            };
        }
        var deadLetter = Property("DeadLetterQueue") as YamlMappingNode ?? Property("DeadLetterConfig") as YamlMappingNode;
        if (deadLetter is not null)
            config = config with { DeadLetterQueue = Arn(id, "DeadLetterQueue", TemplateValues.Child(deadLetter, "TargetArn"), warnings) };
        return config;
    }

    private string? Destination(string id, string which, YamlMappingNode? destination, List<string> warnings) =>
        destination is null ? null : Arn(id, which, TemplateValues.Child(destination, "Destination"), warnings);

    /// <summary>The ARN a value names: a plain ARN, or a resource of the template by <c>GetAtt X.Arn</c> or <c>Ref X</c>.</summary>
    private string? Arn(string id, string which, YamlNode? node, List<string> warnings)
    {
        var resolved = values.Resolve(node);
        if (TemplateValues.Text(resolved) is { } text)
            return text;
        string? target = TemplateValues.Intrinsic(resolved) switch
        {
            ("Fn::GetAtt", YamlScalarNode { Value: { } dotted }) when dotted.EndsWith(".Arn", StringComparison.Ordinal) => dotted[..^4],
            ("Fn::GetAtt", YamlSequenceNode { Children: [YamlScalarNode { Value: { } name }, YamlScalarNode { Value: "Arn" }] }) => name,
            ("Ref", YamlScalarNode { Value: { } name }) => name,
            _ => null,
        };
        if (target is not null && ResourceArn(target) is { } arn)
            return arn;
        warnings.Add($"{id}: {which} is not an ARN or a function, queue, topic, event bus or bucket of this template: not used");
        return null;
    }

    private string? ResourceArn(string logicalId)
    {
        if (TemplateValues.Child(resources, logicalId) is not YamlMappingNode resource)
            return null;
        var properties = TemplateValues.Child(resource, "Properties") as YamlMappingNode;
        string Name(string property) => TemplateValues.Text(values.Resolve(TemplateValues.Child(properties, property))) ?? logicalId;
        return TemplateValues.Text(TemplateValues.Child(resource, "Type")) switch
        {
            "AWS::Serverless::Function" or "AWS::Lambda::Function" => $"arn:aws:lambda:{region}:{accountId}:function:{Name("FunctionName")}",
            "AWS::SQS::Queue" => $"arn:aws:sqs:{region}:{accountId}:{Name("QueueName")}",
            "AWS::SNS::Topic" => $"arn:aws:sns:{region}:{accountId}:{Name("TopicName")}",
            "AWS::Events::EventBus" => $"arn:aws:events:{region}:{accountId}:event-bus/{Name("Name")}",
            "AWS::S3::Bucket" => $"arn:aws:s3:::{Name("BucketName")}",
            _ => null,
        };
    }
}
