using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing;

/// <summary>An <see cref="ILambdaLogger"/> that keeps every line, with its level, for a test to assert on.</summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
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

    /// <summary>True if a logged message contains <paramref name="text"/> (ordinal).</summary>
    public bool Contains(string text) => Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
