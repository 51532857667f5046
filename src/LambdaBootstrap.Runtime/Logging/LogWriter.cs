using System.Buffers;
using System.Buffers.Text;

namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Writes log lines to the function's log (stdout), one write per line, safe from many threads.
/// Text: <c>timestamp TAB requestId TAB LEVEL TAB message</c>. JSON: one object per line with
/// <c>timestamp</c>, <c>level</c>, <c>requestId</c>, <c>message</c> and <c>traceId</c> when there is one.
/// </summary>
internal sealed class LogWriter(Stream output, LogFormat format, LogLevel minimumLevel)
{
    private readonly ArrayBufferWriter<byte> _line = new(256);
    private readonly Lock _lock = new();

    public LogFormat Format => format;
    public LogLevel MinimumLevel => minimumLevel;

    public bool IsEnabled(LogLevel level) => level >= minimumLevel && level != LogLevel.None;

    public void Write(LogLevel level, string message, string? requestId = null, string? traceId = null)
    {
        if (!IsEnabled(level))
            return;
        var now = DateTime.UtcNow;
        lock (_lock)
        {
            _line.ResetWrittenCount();
            if (format == LogFormat.Json)
                WriteJson(now, level, message, requestId, traceId);
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

    private void WriteJson(DateTime now, LogLevel level, string message, string? requestId, string? traceId)
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
