using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing;

/// <summary>An <see cref="ILambdaLogger"/> that keeps every line, with its level, for a test to assert on.</summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly Dictionary<string, string> _keys = [];
    private readonly Lock _lock = new();

    /// <summary>Every line logged so far, in order, with its level.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get { lock (_lock) return _entries.ToArray(); }
    }

    /// <summary>The messages logged so far, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lock) return _entries.Select(e => e.Message).ToArray(); }
    }

    /// <inheritdoc />
    public void Log(LogLevel level, string message)
    {
        lock (_lock)
            _entries.Add((level, message));
    }

    /// <summary>Writes <paramref name="message"/> with the exception's text on the lines after it, as text logs do.</summary>
    /// <param name="level">The message's level.</param>
    /// <param name="message">The text.</param>
    /// <param name="exception">The exception the line is about.</param>
    public void Log(LogLevel level, string message, Exception exception) => Log(level, string.Concat(message, "\n", exception.ToString()));

    /// <summary>Keeps the key, for <see cref="Keys"/>.</summary>
    /// <param name="key">The field's name.</param>
    /// <param name="value">The field's value.</param>
    public void AppendKey(string key, string value)
    {
        lock (_lock)
            _keys[key] = value;
    }

    /// <summary>The keys appended so far, with their last values.</summary>
    public IReadOnlyDictionary<string, string> Keys
    {
        get { lock (_lock) return new Dictionary<string, string>(_keys); }
    }

    /// <summary>True if a logged message contains <paramref name="text"/> (ordinal).</summary>
    public bool Contains(string text) => Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
