using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// Everything the runtime reads from the environment, read once during init. A class, not a record: a record's
/// generated ToString boxes the two enums and formats them, which keeps enum names (and with them the reflection
/// stack) in every bootstrap.
/// </summary>
internal sealed class RuntimeConfiguration(
    RuntimeApiEndpoint runtimeApi,
    string? handler,
    FunctionSettings function,
    LogFormat logFormat,
    LogLevel logLevel,
    TimeSpan connectBudget,
    int maxConcurrency,
    TimeSpan shutdownBudget,
    IReadOnlyList<string> warnings,
    PowertoolsLogFields? powertools)
{
    public RuntimeApiEndpoint RuntimeApi { get; } = runtimeApi;
    public string? Handler { get; } = handler;
    public FunctionSettings Function { get; } = function;
    public LogFormat LogFormat { get; } = logFormat;
    public LogLevel LogLevel { get; } = logLevel;
    public TimeSpan ConnectBudget { get; } = connectBudget;
    public int MaxConcurrency { get; } = maxConcurrency;
    public TimeSpan ShutdownBudget { get; } = shutdownBudget;
    public IReadOnlyList<string> Warnings { get; } = warnings;
    /// <summary>The Powertools fields of log lines, when the function turned them on (<see cref="PowertoolsLogging"/>).</summary>
    public PowertoolsLogFields? Powertools { get; } = powertools;

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

        int maxConcurrency = Milliseconds(variable, "AWS_LAMBDA_MAX_CONCURRENCY", 1, warnings, "a whole number of at least 1", min: 1);
        int shutdownMs = Milliseconds(variable, "BOOTSTRAP_SHUTDOWN_BUDGET_MS", 300, warnings, "a number of milliseconds", min: 0);

        string? format = variable("AWS_LAMBDA_LOG_FORMAT");
        var logFormat = LogNames.ParseFormat(format);
        if (format is not null && logFormat is null)
            warnings.Add($"AWS_LAMBDA_LOG_FORMAT '{format}' is not Text or JSON; using Text");

        string? level = variable("AWS_LAMBDA_LOG_LEVEL");
        var logLevel = LogNames.ParseLevel(level);
        if (level is not null && logLevel is null)
            warnings.Add($"AWS_LAMBDA_LOG_LEVEL '{level}' is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL; using INFO");

        int connectMs = Milliseconds(variable, "BOOTSTRAP_CONNECT_TIMEOUT_MS", 5000, warnings, "a number of milliseconds", min: 0);

        var function = new FunctionSettings(
            variable("AWS_LAMBDA_FUNCTION_NAME") ?? "",
            variable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
            memoryMb,
            variable("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
            variable("AWS_LAMBDA_LOG_STREAM_NAME") ?? "");
        var powertools = PowertoolsLogging.Read(function, variable, warnings);

        return new RuntimeConfiguration(
            RuntimeApiEndpoint.Parse(api),
            variable("_HANDLER"),
            function,
            // Managed Instances (several loops) accept only JSON logs.
            logFormat ?? (maxConcurrency > 1 ? LogFormat.Json : LogFormat.Text),
            logLevel ?? LogLevel.Information,
            TimeSpan.FromMilliseconds(connectMs),
            maxConcurrency,
            TimeSpan.FromMilliseconds(shutdownMs),
            warnings,
            powertools);
    }

    /// <summary>A whole number from the environment; junk or too small is a warning and the default.</summary>
    private static int Milliseconds(Func<string, string?> variable, string name, int fallback, List<string> warnings, string expected, int min)
    {
        string? text = variable(name);
        if (text is null)
            return fallback;
        if (int.TryParse(text, out int value) && value >= min)
            return value;
        warnings.Add($"{name} '{text}' is not {expected}; using {fallback}");
        return fallback;
    }
}
