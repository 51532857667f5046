using System.Collections.Concurrent;

namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>Values read through the extension, each kept for a time to live from when it was read.</summary>
internal sealed class ConfigurationCache(Func<long> nowMs)
{
    private readonly ConcurrentDictionary<string, (string Value, long ExpiresAtMs)> _entries = new(StringComparer.Ordinal);

    public ConfigurationCache() : this(() => Environment.TickCount64)
    {
    }

    /// <summary>The cached value of <paramref name="key"/>, or else <paramref name="read"/>'s, kept for <paramref name="ttl"/>.</summary>
    public string GetOrRead(string key, TimeSpan ttl, Func<string> read)
    {
        long now = nowMs();
        if (ttl > TimeSpan.Zero && _entries.TryGetValue(key, out var entry) && now < entry.ExpiresAtMs)
            return entry.Value;
        string value = read();
        if (ttl > TimeSpan.Zero)
            _entries[key] = (value, now + (long)ttl.TotalMilliseconds);
        return value;
    }

    public void Clear() => _entries.Clear();
}
