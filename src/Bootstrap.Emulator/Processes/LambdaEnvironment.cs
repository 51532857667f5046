using Bootstrap.Emulator.RuntimeApi;

namespace Bootstrap.Emulator.Processes;

/// <summary>The environment Lambda gives a provided.al2023 function, made for a local run.</summary>
public static class LambdaEnvironment
{
    /// <summary>Credentials and settings passed through from the caller's environment when set, as AWS's emulator does.</summary>
    private static readonly string[] PassThrough =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "HOME",
    ];

    public static Dictionary<string, string> Build(RuntimeApiOptions function, string runtimeApi, string? handler, int memoryMb, string taskRoot)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = function.FunctionVersion,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMb.ToString(),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.FunctionName}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[{function.FunctionVersion}]{Guid.NewGuid():N}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = function.Region,
            ["AWS_DEFAULT_REGION"] = function.Region,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = taskRoot,
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":UTC",
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["AWS_XRAY_CONTEXT_MISSING"] = "LOG_ERROR",
            ["AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1:2000",
            ["_AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1",
            ["_AWS_XRAY_DAEMON_PORT"] = "2000",
        };
        if (handler is not null)
            environment["_HANDLER"] = handler;
        foreach (string name in PassThrough)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
                environment[name] = value;
        }
        return environment;
    }
}
