using System.Text;

namespace Bootstrap.TestSupport.RawHttp;

/// <summary>A response as <see cref="RawHttpReader"/> read it off the wire.</summary>
public sealed record RawResponse(
    int Status,
    IReadOnlyList<(string Name, string Value)> HeaderList,
    byte[] Body,
    IReadOnlyList<int> ChunkSizes,
    IReadOnlyList<(string Name, string Value)> TrailerList)
{
    public IReadOnlyDictionary<string, string> Headers => RawHeaders.ToDictionary(HeaderList);

    public IReadOnlyDictionary<string, string> Trailers => RawHeaders.ToDictionary(TrailerList);

    public string BodyText => Encoding.UTF8.GetString(Body);
}
