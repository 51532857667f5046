namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// A destination's or dead-letter queue's ARN, split: <c>arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE</c> (an S3
/// bucket's has no region or account; an event bus's resource is <c>event-bus/NAME</c>).
/// </summary>
internal sealed record DestinationArn(string Arn, string Service, string Region, string Account, string Resource)
{
    public static DestinationArn? Parse(string arn)
    {
        string[] parts = arn.Split(':', 6);
        if (parts is not ["arn", _, { Length: > 0 } service, var region, var account, { Length: > 0 } resource])
            return null;
        return new DestinationArn(arn, service, region, account, resource);
    }

    /// <summary>The file its messages are written to, one JSON line each: <c>SERVICE-NAME.jsonl</c>.</summary>
    public string FileName
    {
        get
        {
            string name = Service == "events" && Resource.StartsWith("event-bus/", StringComparison.Ordinal) ? Resource["event-bus/".Length..] : Resource;
            string safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
            return $"{Service}-{safe}.jsonl";
        }
    }

    /// <summary>For a Lambda function's ARN, the function's name (without a qualifier); null for any other service.</summary>
    public string? FunctionName =>
        Service == "lambda" && Resource.Split(':') is ["function", var name, ..] ? name : null;
}
