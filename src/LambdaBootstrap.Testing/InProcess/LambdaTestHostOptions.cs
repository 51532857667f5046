using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing;

/// <summary>
/// The function's configuration as the in-process host plays it: what Lambda would put in the function's environment.
/// The defaults match <see cref="TestLambdaContext"/>'s: a 128 MB function named <c>test-function</c> with 30 seconds to run.
/// </summary>
public sealed class LambdaTestHostOptions
{
    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary>The function's version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary>The function's memory in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    public int MemoryLimitInMB { get; init; } = 128;

    /// <summary>The function's timeout: each invocation's deadline is its start plus this, unless the invocation sets its own.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The lowest level written to the log (<c>AWS_LAMBDA_LOG_LEVEL</c>): <c>Information</c>, the runtime's default; lower ones are dropped, as on Lambda.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Whether log lines are JSON objects (<c>AWS_LAMBDA_LOG_FORMAT=JSON</c>) rather than tab-separated text.</summary>
    public bool JsonLogFormat { get; init; }
}
