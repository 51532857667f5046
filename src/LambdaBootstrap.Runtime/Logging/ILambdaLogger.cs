namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// The logger a handler gets on <see cref="ILambdaContext.Logger"/> (and a shutdown hook as its argument). It writes one
/// line per message to the function's log, in the format <c>AWS_LAMBDA_LOG_FORMAT</c> asks for (<c>Text</c> or
/// <c>JSON</c>), with the invocation's request id; messages below <c>AWS_LAMBDA_LOG_LEVEL</c> (INFO unless set) are
/// dropped. Safe to call from several threads.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Writes <paramref name="message"/> at <paramref name="level"/>, unless the level is below the function's log level.</summary>
    /// <param name="level">The message's level; a message at <see cref="LogLevel.None"/> is dropped.</param>
    /// <param name="message">The text. In JSON logs it is one entry whatever it holds; in text logs each line break starts a new line of the log.</param>
    void Log(LogLevel level, string message);

    /// <summary>
    /// Writes <paramref name="message"/> with <paramref name="exception"/>: in JSON logs as Lambda's <c>errorType</c>,
    /// <c>errorMessage</c> and <c>stackTrace</c> fields, in text logs as the exception's text on the lines after the message.
    /// A logger that writes no structured lines appends the exception's text to the message.
    /// </summary>
    /// <param name="level">The message's level.</param>
    /// <param name="message">The text.</param>
    /// <param name="exception">The exception the line is about.</param>
    void Log(LogLevel level, string message, Exception exception) => Log(level, string.Concat(message, "\n", exception.ToString()));

    /// <summary>
    /// Adds <paramref name="key"/> to every later JSON line of this invocation (replacing its value if it is there
    /// already); the next invocation starts without it. For keys of every invocation, see <see cref="ProcessLogKeys"/>.
    /// A logger that writes no structured lines ignores it, as text logs do.
    /// </summary>
    /// <param name="key">The field's name; not one of the standard fields (<c>level</c>, <c>message</c>, ...).</param>
    /// <param name="value">The field's value, written as a JSON string.</param>
    /// <exception cref="ArgumentException">The key is empty or a standard field.</exception>
    void AppendKey(string key, string value) { }

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Information"/>, as Lambda's .NET logger does.</summary>
    /// <param name="message">The text.</param>
    void LogLine(string message) => Log(LogLevel.Information, message);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Trace"/> (<c>TRACE</c>).</summary>
    /// <param name="message">The text.</param>
    void LogTrace(string message) => Log(LogLevel.Trace, message);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Debug"/> (<c>DEBUG</c>).</summary>
    /// <param name="message">The text.</param>
    void LogDebug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Information"/> (<c>INFO</c>).</summary>
    /// <param name="message">The text.</param>
    void LogInformation(string message) => Log(LogLevel.Information, message);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Warning"/> (<c>WARN</c>).</summary>
    /// <param name="message">The text.</param>
    void LogWarning(string message) => Log(LogLevel.Warning, message);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Error"/> (<c>ERROR</c>).</summary>
    /// <param name="message">The text.</param>
    void LogError(string message) => Log(LogLevel.Error, message);

    /// <summary>Writes <paramref name="message"/> and <paramref name="exception"/> at <see cref="LogLevel.Error"/> (<c>ERROR</c>).</summary>
    /// <param name="exception">The exception the line is about, as structured fields in JSON logs.</param>
    /// <param name="message">The text.</param>
    void LogError(Exception exception, string message) => Log(LogLevel.Error, message, exception);

    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Critical"/> (<c>FATAL</c>).</summary>
    /// <param name="message">The text.</param>
    void LogCritical(string message) => Log(LogLevel.Critical, message);
}
