namespace Bootstrap.Emulator.RuntimeApi;

/// <summary>A request the Runtime API received, kept when <see cref="RuntimeApiOptions.RecordRequests"/> is on.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int StatusCode)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
