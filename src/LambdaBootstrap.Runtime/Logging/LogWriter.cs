using System.Buffers;

namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Writes log lines to the function's log (stdout), one write per line, safe from many threads.
/// Text: <c>timestamp TAB requestId TAB LEVEL TAB message</c>, an exception's text on the lines after it. JSON: one
/// object per line with <c>timestamp</c>, <c>level</c>, <c>requestId</c>, <c>message</c> and <c>traceId</c> when there
/// is one; an error as <c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>; the Powertools fields when
/// <see cref="Powertools"/> is set; appended keys (docs/observability.md lists every field).
/// </summary>
internal sealed class LogWriter(Stream output, LogFormat format, LogLevel minimumLevel)
{
    private readonly ArrayBufferWriter<byte> _line = new(256);
    private readonly Lock _lock = new();

    public LogFormat Format => format;
    public LogLevel MinimumLevel => minimumLevel;

    /// <summary>The Powertools fields of JSON lines and their log sampling (<see cref="PowertoolsLogging"/>); none when null.</summary>
    public PowertoolsLogFields? Powertools { get; init; }

    public bool IsEnabled(LogLevel level) => level >= minimumLevel && level != LogLevel.None;

    public void Write(LogLevel level, string message, string? requestId = null, string? traceId = null)
    {
        if (IsEnabled(level))
            WriteLine(level, message, requestId, traceId, null, null);
    }

    /// <summary>A line of an invocation, with its fields, and an error as structured fields when there is one.</summary>
    public void Write(LogLevel level, string message, LambdaContext invocation, ErrorReport? error = null)
    {
        // A sampled invocation logs at DEBUG too (PowertoolsLogging).
        if (IsEnabled(level) || (invocation.DebugSampled && level is >= LogLevel.Debug and < LogLevel.None))
            WriteLine(level, message, invocation.AwsRequestId, invocation.TraceId, invocation, error);
    }

    /// <summary>A line written as it is (an EMF document, say), after the same lock as log lines.</summary>
    public void WriteRaw(ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            output.Write(line);
            output.Flush();
        }
    }

    private void WriteLine(LogLevel level, string message, string? requestId, string? traceId, LambdaContext? invocation, ErrorReport? error)
    {
        var now = DateTime.UtcNow;
        lock (_lock)
        {
            _line.ResetWrittenCount();
            if (format == LogFormat.Json)
                WriteJson(now, level, message, requestId, traceId, invocation, error);
            else
                WriteText(now, level, message, requestId);
            output.Write(_line.WrittenSpan);
            output.Flush();
        }
    }

    private void WriteText(DateTime now, LogLevel level, string message, string? requestId)
    {
        WriteTimestamp(now);
        _line.Append("\t"u8);
        if (requestId is not null)
            WriteUtf8(requestId);
        _line.Append("\t"u8);
        _line.Append(LogNames.Of(level));
        _line.Append("\t"u8);
        WriteUtf8(message);
        _line.Append("\n"u8);
    }

    /// <summary>
    /// A text line's message with an error: its type and message, then its frames, on the lines after it (what
    /// Exception.ToString shows, without its cost). Only a handler's own <c>Log(level, message, exception)</c> makes
    /// one, so a function that never logs an exception carries none of it.
    /// </summary>
    public static string TextWithError(string message, ErrorReport error)
    {
        var text = new System.Text.StringBuilder(message).Append('\n').Append(error.ErrorType).Append(": ").Append(error.ErrorMessage);
        foreach (string frame in error.StackTrace)
            text.Append("\n   ").Append(frame);
        return text.ToString();
    }

    private void WriteJson(DateTime now, LogLevel level, string message, string? requestId, string? traceId, LambdaContext? invocation, ErrorReport? error)
    {
        _line.Append("{\"timestamp\":\""u8);
        WriteTimestamp(now);
        _line.Append("\",\"level\":\""u8);
        _line.Append(LogNames.Of(level));
        _line.Append("\""u8);
        JsonText.Property(_line, "requestId"u8);
        JsonText.StringOrNull(_line, requestId);
        JsonText.Property(_line, "message"u8);
        JsonText.String(_line, message);
        if (traceId is not null)
        {
            JsonText.Property(_line, "traceId"u8);
            JsonText.String(_line, traceId);
        }
        error?.WriteMembers(_line, causes: false);
        Powertools?.WriteTo(_line, invocation);
        ProcessLogKeys.Keys?.WriteTo(_line);
        invocation?.LogKeys?.WriteTo(_line);
        _line.Append("}\n"u8);
    }

    // 2026-11-21T20:30:00.123Z, formatted by hand: no culture, no allocation.
    private void WriteTimestamp(DateTime utc)
    {
        var span = _line.GetSpan(24);
        Two(span, 0, utc.Year / 100); Two(span, 2, utc.Year % 100); span[4] = (byte)'-';
        Two(span, 5, utc.Month); span[7] = (byte)'-';
        Two(span, 8, utc.Day); span[10] = (byte)'T';
        Two(span, 11, utc.Hour); span[13] = (byte)':';
        Two(span, 14, utc.Minute); span[16] = (byte)':';
        Two(span, 17, utc.Second); span[19] = (byte)'.';
        int ms = utc.Millisecond;
        span[20] = (byte)('0' + ms / 100); span[21] = (byte)('0' + ms / 10 % 10); span[22] = (byte)('0' + ms % 10);
        span[23] = (byte)'Z';
        _line.Advance(24);

        static void Two(Span<byte> s, int at, int value)
        {
            s[at] = (byte)('0' + value / 10);
            s[at + 1] = (byte)('0' + value % 10);
        }
    }

    private void WriteUtf8(string text)
    {
        var span = _line.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        _line.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }
}
