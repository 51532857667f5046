using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>
/// The environment Lambda gives a provided.al2023 function, made for a local run. Of the caller's environment only
/// the credentials and the region pass (as SAM CLI passes them), so a function using an AWS SDK works locally and
/// nothing else of the machine leaks in.
/// </summary>
internal static class LambdaEnvironment
{
    /// <summary>What passes from the caller's environment when set, over Lambda's values.</summary>
    public static readonly IReadOnlyList<string> PassThrough =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
    ];

    /// <summary>Lambda's PATH for provided.al2023.</summary>
    public const string LambdaPath = "/usr/local/bin:/usr/bin/:/bin:/opt/bin";

    /// <param name="caller">The caller's environment to take <see cref="PassThrough"/> from; null: this process's.</param>
    public static Dictionary<string, string> Build(RuntimeApiOptions function, string runtimeApi, string? handler, int memoryMb, string taskRoot,
        IReadOnlyDictionary<string, string>? caller = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = function.FunctionVersion,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMb.ToString(),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.FunctionName}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{function.TimeProvider.GetUtcNow():yyyy/MM/dd}/[{function.FunctionVersion}]{Guid.NewGuid():N}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = function.Region,
            ["AWS_DEFAULT_REGION"] = function.Region,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = taskRoot,
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":UTC",
            ["PATH"] = LambdaPath,
            ["AWS_XRAY_CONTEXT_MISSING"] = "LOG_ERROR",
            ["AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1:2000",
            ["_AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1",
            ["_AWS_XRAY_DAEMON_PORT"] = "2000",
        };
        if (handler is not null)
            environment["_HANDLER"] = handler;
        foreach (string name in PassThrough)
        {
            if ((caller is null ? Environment.GetEnvironmentVariable(name) : caller.GetValueOrDefault(name)) is { } value)
                environment[name] = value;
        }
        environment.TryAdd("AWS_SESSION_TOKEN", function.SessionToken);
        return environment;
    }

    /// <summary>The AWS_SESSION_TOKEN the function runs with: its own variable, else the caller's, else the one made for it.</summary>
    public static string SessionToken(FunctionOptions function) =>
        function.Environment.GetValueOrDefault("AWS_SESSION_TOKEN") ?? Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") ?? function.Api.SessionToken;
}
