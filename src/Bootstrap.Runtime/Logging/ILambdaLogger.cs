namespace Bootstrap.Runtime.Logging;

/// <summary>The logger a handler gets on <c>context.Logger</c>; each line carries the invocation's request id.</summary>
public interface ILambdaLogger
{
    void Log(LogLevel level, string message);

    /// <summary>Logs at Information level, as Lambda's .NET logger does.</summary>
    void LogLine(string message) => Log(LogLevel.Information, message);
    void LogTrace(string message) => Log(LogLevel.Trace, message);
    void LogDebug(string message) => Log(LogLevel.Debug, message);
    void LogInformation(string message) => Log(LogLevel.Information, message);
    void LogWarning(string message) => Log(LogLevel.Warning, message);
    void LogError(string message) => Log(LogLevel.Error, message);
    void LogCritical(string message) => Log(LogLevel.Critical, message);
}
