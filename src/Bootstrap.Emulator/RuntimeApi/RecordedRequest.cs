namespace Bootstrap.Emulator.RuntimeApi;

/// <summary>
/// A request the Runtime API received, kept when <see cref="RuntimeApiOptions.RecordRequests"/> is on. A streamed
/// response's body is what was kept of it, and its trailers (if any) are in <paramref name="Trailers"/>.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int StatusCode,
    IReadOnlyDictionary<string, string>? Trailers = null)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Trailer(string name) => Trailers is not null && Trailers.TryGetValue(name, out var value) ? value : null;
}
