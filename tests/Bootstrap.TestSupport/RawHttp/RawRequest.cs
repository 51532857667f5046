using System.Text;

namespace Bootstrap.TestSupport.RawHttp;

/// <summary>A request as <see cref="RawHttpReader"/> read it off the wire.</summary>
public sealed record RawRequest(
    string Method,
    string Path,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[] Body,
    IReadOnlyList<int> ChunkSizes,
    IReadOnlyList<(string Name, string Value)> Trailers)
{
    /// <summary>A header's value, or a trailer's when no header has the name; null if neither has it.</summary>
    public string? Header(string name) => RawHeaders.Find(Headers, name) ?? RawHeaders.Find(Trailers, name);

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The request's bytes exactly as they came over the wire (its head alone when only the head was read).</summary>
    public byte[] Wire { get; init; } = [];

    public override string ToString() => $"{Method} {Path}";
}
