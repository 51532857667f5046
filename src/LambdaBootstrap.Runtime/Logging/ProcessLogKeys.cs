namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Keys on every JSON log line of the process, from the moment they are appended: for what is true of the whole
/// execution environment (a deployment, a tenant of the process). Keys of one invocation only go through
/// <see cref="ILambdaLogger.AppendKey"/>. Text logs carry no keys.
/// </summary>
public static class ProcessLogKeys
{
    // Null until the first key: a function that appends none allocates nothing for them.
    private static LogKeys? s_keys;

    internal static LogKeys? Keys => Volatile.Read(ref s_keys);

    /// <summary>Adds <paramref name="key"/> to every later line, or replaces its value.</summary>
    /// <param name="key">The field's name; not one of the standard fields (<c>level</c>, <c>message</c>, ...).</param>
    /// <param name="value">The field's value, written as a JSON string.</param>
    /// <exception cref="ArgumentException">The key is empty or a standard field.</exception>
    public static void Append(string key, string value)
    {
        if (s_keys is null)
            Interlocked.CompareExchange(ref s_keys, new LogKeys(), null);
        s_keys.Append(key, value);
    }

    /// <summary>Stops writing <paramref name="key"/>.</summary>
    /// <param name="key">The field's name.</param>
    /// <returns>Whether the key was there.</returns>
    public static bool Remove(string key) => s_keys?.Remove(key) ?? false;
}
