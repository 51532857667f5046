using System.Collections;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Names with one or more values each, in the order they were added: HTTP headers (names compared case-insensitively)
/// or query parameters (compared exactly).
/// </summary>
public sealed class MultiValueMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values;

    /// <summary>An empty map; <paramref name="ignoreCase"/> for headers.</summary>
    public MultiValueMap(bool ignoreCase) =>
        _values = new Dictionary<string, List<string>>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>The first value of <paramref name="name"/>, or null. Setting replaces every value; setting null removes the name.</summary>
    public string? this[string name]
    {
        get => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
        set
        {
            if (value is null)
                _values.Remove(name);
            else
                _values[name] = [value];
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _values.Count;

    /// <summary>Every value of <paramref name="name"/>; empty when there is none.</summary>
    public IReadOnlyList<string> GetValues(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>Adds a value to <paramref name="name"/>, after those it has.</summary>
    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var values))
            _values[name] = values = [];
        values.Add(value);
    }

    /// <summary>Whether <paramref name="name"/> has a value.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Removes <paramref name="name"/> and its values; false when it was not there.</summary>
    public bool Remove(string name) => _values.Remove(name);

    /// <summary>Each name with its values.</summary>
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var (name, values) in _values)
            yield return new(name, values);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
