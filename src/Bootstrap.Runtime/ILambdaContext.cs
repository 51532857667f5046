using Bootstrap.Runtime.Logging;

namespace Bootstrap.Runtime;

/// <summary>What a handler knows about the invocation it serves; member names follow Lambda's .NET API.</summary>
public interface ILambdaContext
{
    /// <summary>Lambda-Runtime-Aws-Request-Id.</summary>
    string AwsRequestId { get; }
    /// <summary>Lambda-Runtime-Invoked-Function-Arn; null if the Runtime API did not send it.</summary>
    string? InvokedFunctionArn { get; }
    /// <summary>When Lambda will stop the invocation (Lambda-Runtime-Deadline-Ms).</summary>
    DateTimeOffset Deadline { get; }
    /// <summary>Time left until <see cref="Deadline"/>; zero once it has passed.</summary>
    TimeSpan RemainingTime { get; }
    /// <summary>Lambda-Runtime-Trace-Id (the X-Ray trace header); null when absent.</summary>
    string? TraceId { get; }
    /// <summary>Lambda-Runtime-Client-Context, parsed; null when absent or not valid JSON.</summary>
    ClientContext? ClientContext { get; }
    /// <summary>Lambda-Runtime-Cognito-Identity, parsed; null when absent or not valid JSON.</summary>
    CognitoIdentity? Identity { get; }
    /// <summary>Lambda-Runtime-Aws-Tenant-Id; null when absent.</summary>
    string? TenantId { get; }

    string FunctionName { get; }
    string FunctionVersion { get; }
    int MemoryLimitInMB { get; }
    string LogGroupName { get; }
    string LogStreamName { get; }

    /// <summary>Writes to the function's log with this invocation's request id.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>Cancelled at <see cref="Deadline"/>.</summary>
    CancellationToken CancellationToken { get; }
}
