using Bootstrap.Runtime.Http;
using Bootstrap.Runtime.Logging;

namespace Bootstrap.Runtime;

/// <summary>Everything the runtime reads from the environment, read once during init.</summary>
public sealed record RuntimeConfiguration(
    RuntimeApiEndpoint RuntimeApi,
    string? Handler,
    FunctionSettings Function,
    LogFormat LogFormat,
    LogLevel LogLevel,
    TimeSpan ConnectBudget,
    IReadOnlyList<string> Warnings)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Reads Lambda's variables. Throws <see cref="FormatException"/> when AWS_LAMBDA_RUNTIME_API is missing or malformed.</summary>
    public static RuntimeConfiguration FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static RuntimeConfiguration From(Func<string, string?> variable)
    {
        var warnings = new List<string>();
        string api = variable("AWS_LAMBDA_RUNTIME_API")
            ?? throw new FormatException("AWS_LAMBDA_RUNTIME_API is not set: this program is a Lambda bootstrap and runs under the Lambda Runtime API (or the local emulator)");

        string? memory = variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        int memoryMb = 128;
        if (memory is not null && !int.TryParse(memory, out memoryMb))
        {
            warnings.Add($"AWS_LAMBDA_FUNCTION_MEMORY_SIZE '{memory}' is not a number; using 128");
            memoryMb = 128;
        }

        string? format = variable("AWS_LAMBDA_LOG_FORMAT");
        var logFormat = LogNames.ParseFormat(format);
        if (format is not null && logFormat is null)
            warnings.Add($"AWS_LAMBDA_LOG_FORMAT '{format}' is not Text or JSON; using Text");

        string? level = variable("AWS_LAMBDA_LOG_LEVEL");
        var logLevel = LogNames.ParseLevel(level);
        if (level is not null && logLevel is null)
            warnings.Add($"AWS_LAMBDA_LOG_LEVEL '{level}' is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL; using INFO");

        string? connect = variable("BOOTSTRAP_CONNECT_TIMEOUT_MS");
        int connectMs = 5000;
        if (connect is not null && (!int.TryParse(connect, out connectMs) || connectMs < 0))
        {
            warnings.Add($"BOOTSTRAP_CONNECT_TIMEOUT_MS '{connect}' is not a number of milliseconds; using 5000");
            connectMs = 5000;
        }

        return new RuntimeConfiguration(
            RuntimeApiEndpoint.Parse(api),
            variable("_HANDLER"),
            new FunctionSettings(
                variable("AWS_LAMBDA_FUNCTION_NAME") ?? "",
                variable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
                memoryMb,
                variable("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
                variable("AWS_LAMBDA_LOG_STREAM_NAME") ?? ""),
            logFormat ?? LogFormat.Text,
            logLevel ?? LogLevel.Information,
            TimeSpan.FromMilliseconds(connectMs),
            warnings);
    }
}
