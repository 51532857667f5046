namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Keys written on JSON log lines beside the standard fields, in the order first appended; appending a key again
/// replaces its value. Keys that are standard fields are refused, so a query on them always means the same thing.
/// </summary>
internal sealed class LogKeys
{
    // Two lists of strings rather than one of pairs: a list of a struct is native code of its own in every bootstrap.
    private readonly List<string> _keys = [];
    private readonly List<string> _values = [];
    private readonly Lock _lock = new();

    public void Append(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (LogFields.IsStandard(key))
            throw new ArgumentException($"'{key}' is a standard field of the log line", nameof(key));
        lock (_lock)
        {
            int at = _keys.IndexOf(key);
            if (at < 0)
            {
                _keys.Add(key);
                _values.Add(value);
            }
            else
            {
                _values[at] = value;
            }
        }
    }

    public bool Remove(string key)
    {
        lock (_lock)
        {
            int at = _keys.IndexOf(key);
            if (at < 0)
                return false;
            _keys.RemoveAt(at);
            _values.RemoveAt(at);
            return true;
        }
    }

    /// <summary>Writes each pair as a JSON property.</summary>
    public void WriteTo(System.Buffers.IBufferWriter<byte> line)
    {
        lock (_lock)
        {
            for (int i = 0; i < _keys.Count; i++)
            {
                line.Append(","u8);
                JsonText.String(line, _keys[i]);
                line.Append(":"u8);
                JsonText.String(line, _values[i]);
            }
        }
    }
}
