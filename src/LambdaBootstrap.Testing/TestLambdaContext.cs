using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime.Metrics;
using LambdaBootstrap.Runtime.Tracing;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An <see cref="ILambdaContext"/> for calling a handler directly in a unit test, with no runtime and no Runtime API.
/// Every value can be set; the defaults look like a fresh invocation of a 128 MB function named <c>test-function</c>
/// with 30 seconds to run. Its <see cref="Logger"/> is a <see cref="TestLambdaLogger"/> that keeps every line.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext
{
    /// <summary>The request id; a new GUID by default.</summary>
    public string AwsRequestId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>The ARN the function was invoked with.</summary>
    public string? InvokedFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:012345678912:function:test-function";

    /// <summary>When the invocation times out; 30 seconds from the context's creation by default.</summary>
    public DateTimeOffset Deadline { get; set; } = DateTimeOffset.UtcNow.AddSeconds(30);

    /// <summary>Time left until <see cref="Deadline"/>, never negative.</summary>
    public TimeSpan RemainingTime => Deadline - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>The X-Ray trace header; none by default.</summary>
    public string? TraceId { get; set; }

    /// <summary>The mobile client context; none by default.</summary>
    public ClientContext? ClientContext { get; set; }

    /// <summary>The Cognito identity; none by default.</summary>
    public CognitoIdentity? Identity { get; set; }

    /// <summary>The tenant id; none by default.</summary>
    public string? TenantId { get; set; }

    /// <summary>The function's name.</summary>
    public string FunctionName { get; set; } = "test-function";

    /// <summary>The function's version.</summary>
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <summary>The function's memory size.</summary>
    public int MemoryLimitInMB { get; set; } = 128;

    /// <summary>The CloudWatch log group.</summary>
    public string LogGroupName { get; set; } = "/aws/lambda/test-function";

    /// <summary>The CloudWatch log stream.</summary>
    public string LogStreamName { get; set; } = "2026/01/01/[$LATEST]00000000000000000000000000000000";

    /// <summary>The logger the handler writes to: a <see cref="TestLambdaLogger"/> unless replaced.</summary>
    public ILambdaLogger Logger { get; set; } = new TestLambdaLogger();

    /// <summary>The lines the handler logged, when <see cref="Logger"/> is the default <see cref="TestLambdaLogger"/>.</summary>
    public TestLambdaLogger TestLogger => Logger as TestLambdaLogger
        ?? throw new InvalidOperationException("Logger was replaced, so it is not a TestLambdaLogger");

    /// <summary>The EMF lines the handler's metrics wrote, once it called <see cref="InvocationMetrics.Flush"/> (the runtime flushes at the invocation's end; call it in the test).</summary>
    public MemoryStream MetricsOutput { get; } = new();

    /// <summary>The handler's metrics, written to <see cref="MetricsOutput"/>.</summary>
    public InvocationMetrics Metrics => _metrics ??= new InvocationMetrics(MetricsOutput);
    private InvocationMetrics? _metrics;

    /// <summary>
    /// A subsegment as the runtime opens it: sent to <c>AWS_XRAY_DAEMON_ADDRESS</c> when <see cref="TraceId"/> says
    /// <c>Sampled=1</c> and the variable is set, inert otherwise (the default: no trace header).
    /// </summary>
    /// <param name="name">The subsegment's name.</param>
    public TraceSegment Trace(string name) => TraceSegment.ForHeader(TraceId, name);

    /// <summary>Cancelled at the deadline on Lambda; here, whatever the test sets (none by default).</summary>
    public CancellationToken CancellationToken { get; set; }
}
