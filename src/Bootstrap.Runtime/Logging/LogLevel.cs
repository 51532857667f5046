namespace Bootstrap.Runtime.Logging;

/// <summary>Log levels, named as in Lambda's AWS_LAMBDA_LOG_LEVEL (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).</summary>
public enum LogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
    None,
}

internal enum LogFormat
{
    Text,
    Json,
}

internal static class LogNames
{
    public static ReadOnlySpan<byte> Of(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE"u8,
        LogLevel.Debug => "DEBUG"u8,
        LogLevel.Information => "INFO"u8,
        LogLevel.Warning => "WARN"u8,
        LogLevel.Error => "ERROR"u8,
        _ => "FATAL"u8,
    };

    /// <summary>Parses AWS_LAMBDA_LOG_LEVEL; Lambda's names and .NET's are both accepted, case-insensitively.</summary>
    public static LogLevel? ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => null,
    };

    public static LogFormat? ParseFormat(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "JSON" => LogFormat.Json,
        "TEXT" => LogFormat.Text,
        _ => null,
    };
}
