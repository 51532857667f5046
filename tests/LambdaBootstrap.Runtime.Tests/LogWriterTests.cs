using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaBootstrap.Runtime.Logging;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public partial class LogWriterTests
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Iso8601Utc();

    private static string[] Lines(MemoryStream output)
    {
        string text = Encoding.UTF8.GetString(output.ToArray());
        if (text.Length > 0)
            Assert.EndsWith("\n", text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void AssertTimestampIsNow(string timestamp, DateTime before, DateTime after)
    {
        Assert.Matches(Iso8601Utc(), timestamp);
        var parsed = DateTime.ParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(parsed, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    [Fact]
    public void Text_IsTimestampTabRequestIdTabLevelTabMessage()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Text, LogLevel.Information);
        var before = DateTime.UtcNow;
        log.Write(LogLevel.Information, "hello world", "req-1", "Root=ignored-in-text");
        var after = DateTime.UtcNow;

        var fields = Assert.Single(Lines(output)).Split('\t');
        Assert.Equal(4, fields.Length);
        AssertTimestampIsNow(fields[0], before, after);
        Assert.Equal(["req-1", "INFO", "hello world"], fields[1..]);
    }

    [Fact]
    public void Text_WithoutRequestId_LeavesItsFieldEmpty()
    {
        var output = new MemoryStream();
        new LogWriter(output, LogFormat.Text, LogLevel.Trace).Write(LogLevel.Warning, "init warning");
        var fields = Assert.Single(Lines(output)).Split('\t');
        Assert.Equal(["", "WARN", "init warning"], fields[1..]);
    }

    [Fact]
    public void Text_KeepsNonAsciiAsUtf8()
    {
        var output = new MemoryStream();
        new LogWriter(output, LogFormat.Text, LogLevel.Trace).Write(LogLevel.Error, "café ✓ 😀", "réq");
        Assert.EndsWith("\tréq\tERROR\tcafé ✓ 😀", Assert.Single(Lines(output)));
    }

    [Fact]
    public void Json_IsOneObjectPerLine_WithTraceIdOnlyWhenPresent()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Json, LogLevel.Trace);
        var before = DateTime.UtcNow;
        log.Write(LogLevel.Information, "with trace", "req-1", "Root=1-abc");
        log.Write(LogLevel.Error, "no trace", "req-2");
        log.Write(LogLevel.Debug, "no request");
        var after = DateTime.UtcNow;

        var lines = Lines(output);
        Assert.Equal(3, lines.Length);

        using (var first = JsonDocument.Parse(lines[0]))
        {
            var root = first.RootElement;
            Assert.Equal(["timestamp", "level", "requestId", "message", "traceId"], root.EnumerateObject().Select(p => p.Name));
            AssertTimestampIsNow(root.GetProperty("timestamp").GetString()!, before, after);
            Assert.Equal("INFO", root.GetProperty("level").GetString());
            Assert.Equal("req-1", root.GetProperty("requestId").GetString());
            Assert.Equal("with trace", root.GetProperty("message").GetString());
            Assert.Equal("Root=1-abc", root.GetProperty("traceId").GetString());
        }
        using (var second = JsonDocument.Parse(lines[1]))
        {
            Assert.Equal(["timestamp", "level", "requestId", "message"], second.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("ERROR", second.RootElement.GetProperty("level").GetString());
            Assert.Equal("req-2", second.RootElement.GetProperty("requestId").GetString());
        }
        using (var third = JsonDocument.Parse(lines[2]))
        {
            Assert.Equal(JsonValueKind.Null, third.RootElement.GetProperty("requestId").ValueKind);
            Assert.False(third.RootElement.TryGetProperty("traceId", out _));
        }
    }

    [Theory]
    [InlineData("multi\nline\r\nmessage")]
    [InlineData("quote \" backslash \\ tab \t nul \0")]
    [InlineData("ünïcödé ✓ 😀")]
    public void Json_EscapesTheMessage_SoEachEntryStaysOneLine(string message)
    {
        var output = new MemoryStream();
        new LogWriter(output, LogFormat.Json, LogLevel.Trace).Write(LogLevel.Information, message, "id\"\n", "t\\");
        var line = Assert.Single(Lines(output));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(message, doc.RootElement.GetProperty("message").GetString());
        Assert.Equal("id\"\n", doc.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("t\\", doc.RootElement.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "FATAL")]
    public void LevelNames_AreLambdas(LogLevel level, string name)
    {
        var text = new MemoryStream();
        new LogWriter(text, LogFormat.Text, LogLevel.Trace).Write(level, "m");
        Assert.Equal(name, Assert.Single(Lines(text)).Split('\t')[2]);

        var json = new MemoryStream();
        new LogWriter(json, LogFormat.Json, LogLevel.Trace).Write(level, "m");
        using var doc = JsonDocument.Parse(Assert.Single(Lines(json)));
        Assert.Equal(name, doc.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void MinimumLevel_DropsLowerLevels()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Text, LogLevel.Warning);
        foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical, LogLevel.None })
            log.Write(level, level.ToString());

        Assert.Equal(["Warning", "Error", "Critical"], Lines(output).Select(l => l.Split('\t')[3]));
        Assert.False(log.IsEnabled(LogLevel.Information));
        Assert.True(log.IsEnabled(LogLevel.Warning));
        Assert.False(log.IsEnabled(LogLevel.None));
        Assert.Equal(LogLevel.Warning, log.MinimumLevel);
        Assert.Equal(LogFormat.Text, log.Format);
    }

    [Fact]
    public void MinimumLevelNone_WritesNothing()
    {
        var output = new MemoryStream();
        var log = new LogWriter(output, LogFormat.Json, LogLevel.None);
        log.Write(LogLevel.Critical, "x");
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("fatal", LogLevel.Critical)]
    [InlineData("Critical", LogLevel.Critical)]
    [InlineData(" warn ", LogLevel.Warning)]
    public void ParseLevel_AcceptsLambdaNames_CaseInsensitively(string value, LogLevel expected)
    {
        Assert.Equal(expected, LogNames.ParseLevel(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("verbose")]
    [InlineData("INF")]
    [InlineData("3")]
    [InlineData("WARNINGS")]
    [InlineData("info,debug")]
    public void ParseLevel_RejectsJunk(string? value)
    {
        Assert.Null(LogNames.ParseLevel(value));
    }

    [Theory]
    [InlineData("JSON", "Json")]
    [InlineData("json", "Json")]
    [InlineData("Json", "Json")]
    [InlineData("Text", "Text")]
    [InlineData("TEXT", "Text")]
    [InlineData("text", "Text")]
    public void ParseFormat_AcceptsLambdaNames_CaseInsensitively(string value, string expected)
    {
        // LogFormat is internal, so the theory names it.
        Assert.Equal(Enum.Parse<LogFormat>(expected), LogNames.ParseFormat(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xml")]
    [InlineData("jsonl")]
    [InlineData("1")]
    public void ParseFormat_RejectsJunk(string? value)
    {
        Assert.Null(LogNames.ParseFormat(value));
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("Json")]
    public void ConcurrentWrites_NeverInterleaveWithinALine(string formatName)
    {
        const int threads = 6, perThread = 400;
        var format = Enum.Parse<LogFormat>(formatName);
        var output = new MemoryStream();
        var log = new LogWriter(output, format, LogLevel.Trace);
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perThread; i++)
            {
                // Messages of varying length so torn writes would show.
                log.Write(LogLevel.Information, $"t{t}-m{i}-" + new string((char)('a' + t), i % 97), $"req-{t}");
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        Assert.All(workers, w => Assert.True(w.Join(TimeSpan.FromSeconds(10))));

        var lines = Lines(output);
        Assert.Equal(threads * perThread, lines.Length);
        var seen = new HashSet<string>();
        foreach (string line in lines)
        {
            string requestId, message;
            if (format == LogFormat.Json)
            {
                using var doc = JsonDocument.Parse(line);
                requestId = doc.RootElement.GetProperty("requestId").GetString()!;
                message = doc.RootElement.GetProperty("message").GetString()!;
            }
            else
            {
                var fields = line.Split('\t');
                Assert.Equal(4, fields.Length);
                Assert.Matches(Iso8601Utc(), fields[0]);
                requestId = fields[1];
                message = fields[3];
            }
            var match = Regex.Match(message, @"^t(\d+)-m(\d+)-([a-z]*)$");
            Assert.True(match.Success, $"torn line: {line}");
            int t = int.Parse(match.Groups[1].Value), i = int.Parse(match.Groups[2].Value);
            Assert.Equal($"req-{t}", requestId);
            Assert.Equal(new string((char)('a' + t), i % 97), match.Groups[3].Value);
            Assert.True(seen.Add(message), $"duplicate line: {line}");
        }
    }
}
