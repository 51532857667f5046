namespace Bootstrap.Bench;

/// <summary>The fixed inputs of every run: the event, what each sample handler answers to it, and the Lambda environment.</summary>
public static class BenchDefaults
{
    public const string Event = """{"name":"Ada"}""";
    public const string GreetResponse = """{"message":"Hello, Ada!"}""";

    /// <summary>The variables Lambda sets for a function (less AWS_LAMBDA_RUNTIME_API and _HANDLER, which the bench adds).</summary>
    public static IEnumerable<string> LambdaEnvironment(string taskRoot) =>
    [
        "AWS_LAMBDA_FUNCTION_NAME=bench",
        "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
        "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/bench",
        "AWS_LAMBDA_LOG_STREAM_NAME=2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
        "AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
        "AWS_REGION=us-east-1",
        "AWS_DEFAULT_REGION=us-east-1",
        "AWS_EXECUTION_ENV=AWS_Lambda_provided.al2023",
        $"LAMBDA_TASK_ROOT={taskRoot}",
        $"LAMBDA_RUNTIME_DIR={taskRoot}",
        "LANG=en_US.UTF-8",
        "TZ=:UTC",
        "PATH=/usr/local/bin:/usr/bin:/bin",
    ];
}
