namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Keys written on JSON log lines beside the standard fields, in the order first appended; appending a key again
/// replaces its value. Keys that are standard fields are refused, so a query on them always means the same thing.
/// </summary>
internal sealed class LogKeys
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];
    private readonly Lock _lock = new();

    public void Append(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (LogFields.IsStandard(key))
            throw new ArgumentException($"'{key}' is a standard field of the log line", nameof(key));
        lock (_lock)
        {
            int at = _pairs.FindIndex(pair => pair.Key == key);
            if (at < 0)
                _pairs.Add(new(key, value));
            else
                _pairs[at] = new(key, value);
        }
    }

    public bool Remove(string key)
    {
        lock (_lock)
            return _pairs.RemoveAll(pair => pair.Key == key) > 0;
    }

    /// <summary>Writes each pair as a JSON property.</summary>
    public void WriteTo(System.Buffers.IBufferWriter<byte> line)
    {
        lock (_lock)
        {
            foreach (var (key, value) in _pairs)
            {
                line.Append(","u8);
                JsonText.String(line, key);
                line.Append(":"u8);
                JsonText.String(line, value);
            }
        }
    }
}
