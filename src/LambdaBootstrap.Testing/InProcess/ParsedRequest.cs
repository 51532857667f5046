namespace LambdaBootstrap.Testing;

/// <summary>One request of the runtime to its Runtime API: method, path, headers, and its body or streamed chunks.</summary>
internal sealed class ParsedRequest
{
    private readonly List<(string Name, string Value)> _headers = [];
    private readonly List<(string Name, string Value)> _trailers = [];

    private ParsedRequest(string method, string path)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }
    public string Path { get; }
    public byte[] Body { get; set; } = [];

    /// <summary>The chunks of a chunked body, in order: for a streamed response, one per flush.</summary>
    public List<byte[]> Chunks { get; } = [];

    public bool Streamed => string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase);

    public int ContentLength => int.TryParse(Header("Content-Length"), out int length) ? length : 0;

    public static ParsedRequest FromHead(string head)
    {
        string[] lines = head.Split("\r\n");
        string[] start = lines[0].Split(' ');
        if (start.Length != 3 || start[2] != "HTTP/1.1")
            throw new InvalidOperationException($"the runtime sent a request line that is not HTTP/1.1: {lines[0]}");
        var request = new ParsedRequest(start[0], start[1]);
        foreach (string line in lines.AsSpan(1))
            request._headers.Add(Field(line));
        return request;
    }

    public void AddTrailer(string line) => _trailers.Add(Field(line));

    public string? Header(string name) => Find(_headers, name);

    public string? Trailer(string name) => Find(_trailers, name);

    private static string? Find(List<(string Name, string Value)> fields, string name)
    {
        foreach (var (key, value) in fields)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    private static (string, string) Field(string line)
    {
        int colon = line.IndexOf(':');
        if (colon <= 0)
            throw new InvalidOperationException($"the runtime sent a header line without a name: {line}");
        return (line[..colon], line[(colon + 1)..].Trim());
    }
}
