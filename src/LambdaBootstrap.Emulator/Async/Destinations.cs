using System.Globalization;
using System.Text;
using LambdaBootstrap.Emulator.Function;

namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// Where asynchronous invocation records and dead-lettered events go: a Lambda function served here gets the record
/// as an asynchronous invoke of its own; an SQS queue, SNS topic, EventBridge bus or S3 bucket is a file of JSON
/// lines in the <c>--destinations</c> folder, one per target ARN, each line the message that target would receive.
/// </summary>
internal sealed class Destinations
{
    private readonly string? _folder;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LocalFunction> _functions = new(StringComparer.Ordinal);
    private readonly Lock _write = new();

    /// <param name="folder">The folder the files go to; null when there is none (such a target is only named in the log).</param>
    public Destinations(string? folder, TimeProvider time)
    {
        _folder = folder;
        _time = time;
        if (folder is not null)
            Directory.CreateDirectory(folder);
    }

    /// <summary>A Lambda destination: a function served here, by its name.</summary>
    public void AddFunction(LocalFunction function) => _functions[function.Options.Api.FunctionName] = function;

    /// <summary>Sends an invocation record to <paramref name="arn"/>; the reason it could not, or null when it went.</summary>
    public string? SendRecord(string arn, byte[] record, AsyncEvent asyncEvent, string functionArn, string functionName)
    {
        if (DestinationArn.Parse(arn) is not { } target)
            return $"{arn} is not an ARN";
        bool success = asyncEvent.Condition == AsyncCondition.Success;
        var now = _time.GetUtcNow();
        switch (target.Service)
        {
            case "lambda":
                if (target.FunctionName is not { } name || !_functions.TryGetValue(name, out var function))
                    return $"no function {target.FunctionName ?? arn} is served here";
                function.Events.Enqueue(record, RuntimeApi.InvokeOptions.None);
                return null;
            case "sqs":
                return Append(target, DestinationMessage.Sqs(target, record, [], now));
            case "sns":
                return Append(target, DestinationMessage.Sns(target, record, [], now));
            case "events":
                return Append(target, DestinationMessage.EventBridge(target, record, success, functionArn, now));
            case "s3":
                return success ? "an S3 bucket takes on-failure records only" : Append(target, DestinationMessage.S3(target, record, functionName, asyncEvent.RequestId));
            default:
                return $"{target.Service} is not a destination type (SQS, SNS, Lambda, EventBridge, S3)";
        }
    }

    /// <summary>
    /// Sends a discarded event's payload, unchanged, to a dead-letter queue, with the attributes Lambda adds:
    /// <c>RequestID</c>, <c>ErrorCode</c> (the invoke's HTTP status) and <c>ErrorMessage</c> (at most 1 KB).
    /// </summary>
    public string? SendDeadLetter(string arn, AsyncEvent asyncEvent)
    {
        if (DestinationArn.Parse(arn) is not { } target)
            return $"{arn} is not an ARN";
        string message = asyncEvent.LastResult is { Outcome: { IsError: true } outcome } ? outcome.ErrorMessage : "the event was too old to run";
        if (Encoding.UTF8.GetByteCount(message) > 1024)
            message = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(message), 0, 1024).TrimEnd('\uFFFD');
        DestinationMessage.Attribute[] attributes =
        [
            new("RequestID", "String", asyncEvent.RequestId),
            new("ErrorCode", "Number", 200.ToString(CultureInfo.InvariantCulture)),
            new("ErrorMessage", "String", message),
        ];
        var now = _time.GetUtcNow();
        return target.Service switch
        {
            "sqs" => Append(target, DestinationMessage.Sqs(target, asyncEvent.Payload, attributes, now)),
            "sns" => Append(target, DestinationMessage.Sns(target, asyncEvent.Payload, attributes, now)),
            _ => $"a dead-letter queue is an SQS queue or an SNS topic, not {target.Service}",
        };
    }

    private string? Append(DestinationArn target, byte[] message)
    {
        if (_folder is null)
            return "no --destinations folder to write it to";
        lock (_write)
        {
            using var file = new FileStream(Path.Combine(_folder, target.FileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(message);
            file.WriteByte((byte)'\n');
        }
        return null;
    }
}
