using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime.Metrics;
using LambdaBootstrap.Runtime.Tracing;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// What a handler knows about the invocation it serves, passed to every handler call; member names follow Lambda's
/// .NET API. Each invocation gets a context of its own, valid until its handler returns (or its task completes): do
/// not keep it for later invocations. Implement it in tests to call a handler without a runtime.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The invocation's request id (Lambda's <c>Lambda-Runtime-Aws-Request-Id</c>), also on every line of <see cref="Logger"/>.</summary>
    string AwsRequestId { get; }

    /// <summary>The ARN the caller invoked, with the version or alias when it named one (<c>Lambda-Runtime-Invoked-Function-Arn</c>); <see langword="null"/> if Lambda did not send it.</summary>
    string? InvokedFunctionArn { get; }

    /// <summary>When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>); <see cref="DateTimeOffset.MaxValue"/> if Lambda did not send one.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>The time left until <see cref="Deadline"/>: zero once it has passed, <see cref="TimeSpan.MaxValue"/> when there is no deadline.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>
    /// The X-Ray trace header of this invocation (<c>Lambda-Runtime-Trace-Id</c>); <see langword="null"/> when absent.
    /// Prefer it to the <c>_X_AMZN_TRACE_ID</c> environment variable, which is process-wide and not set when several
    /// invocations run at once.
    /// </summary>
    string? TraceId { get; }

    /// <summary>What the calling mobile app sent about itself; <see langword="null"/> when absent or not valid (a warning is logged then).</summary>
    ClientContext? ClientContext { get; }

    /// <summary>The caller's Amazon Cognito identity; <see langword="null"/> when absent or not valid (a warning is logged then).</summary>
    CognitoIdentity? Identity { get; }

    /// <summary>The tenant of a function with tenant isolation (<c>Lambda-Runtime-Aws-Tenant-Id</c>); <see langword="null"/> otherwise.</summary>
    string? TenantId { get; }

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The version of the function that runs (<c>AWS_LAMBDA_FUNCTION_VERSION</c>): <c>$LATEST</c> or a number.</summary>
    string FunctionVersion { get; }

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>The CloudWatch Logs group the function logs to (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch Logs stream of this execution environment (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>Writes to the function's log; every line carries this invocation's request id (and trace id in JSON logs).</summary>
    ILambdaLogger Logger { get; }

    /// <summary>
    /// This invocation's CloudWatch metrics, written as embedded metric format lines when the invocation ends
    /// (docs/observability.md). Made on first use: a function that never asks carries none of its code.
    /// </summary>
    InvocationMetrics Metrics { get; }

    /// <summary>
    /// Opens an X-Ray subsegment of this invocation, sent to the X-Ray daemon when disposed: when the invocation's
    /// trace header says <c>Sampled=1</c> and <c>AWS_XRAY_DAEMON_ADDRESS</c> is set (as on Lambda with active tracing);
    /// otherwise an inert segment that sends nothing. A failed send never fails the invocation.
    /// </summary>
    /// <param name="name">The subsegment's name, as the trace shows it.</param>
    TraceSegment Trace(string name);

    /// <summary>Cancelled at <see cref="Deadline"/>: pass it to asynchronous work, so it stops when Lambda would stop the invocation.</summary>
    CancellationToken CancellationToken { get; }
}
