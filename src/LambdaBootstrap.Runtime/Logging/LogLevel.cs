namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// The level of a log message, from the most detailed to the most severe. Each maps to one of Lambda's
/// <c>AWS_LAMBDA_LOG_LEVEL</c> names, which is what the log line shows.
/// </summary>
public enum LogLevel
{
    /// <summary>The most detailed messages (<c>TRACE</c>).</summary>
    Trace,

    /// <summary>Messages for debugging (<c>DEBUG</c>).</summary>
    Debug,

    /// <summary>The normal flow of the function (<c>INFO</c>); the default log level.</summary>
    Information,

    /// <summary>Something unexpected that the function survives (<c>WARN</c>).</summary>
    Warning,

    /// <summary>A failure of the current operation (<c>ERROR</c>).</summary>
    Error,

    /// <summary>A failure the function cannot go on from (<c>FATAL</c>).</summary>
    Critical,

    /// <summary>Not a level to write at (messages at it are dropped): as the function's log level (<c>AWS_LAMBDA_LOG_LEVEL=NONE</c>) it turns logging off.</summary>
    None,
}

/// <summary>How log lines are written: <c>AWS_LAMBDA_LOG_FORMAT</c>.</summary>
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
