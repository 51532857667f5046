namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// The names of a JSON log line's standard fields: Lambda's own (timestamp, level, requestId, message, traceId and the
/// error fields), then Powertools' names for what Lambda's format has none for. docs/observability.md lists them.
/// </summary>
internal static class LogFields
{
    private static readonly string[] Standard =
    [
        "timestamp", "level", "requestId", "message", "traceId", "errorType", "errorMessage", "stackTrace",
        "function_name", "function_memory_size", "function_arn", "function_version", "cold_start", "service", "sampling_rate",
    ];

    public static bool IsStandard(string key) => Array.IndexOf(Standard, key) >= 0;
}
