using System.Text;
using LambdaBootstrap.Runtime.Http;
using CsCheck;

namespace Bootstrap.Reliability.Tests.Properties;

/// <summary>
/// A valid HTTP/1.1 response as a model (status, headers, body, framing) and its bytes: what the reader must give back.
/// Header names start with "X-" so they never touch framing; values have no surrounding whitespace, which the parser trims.
/// </summary>
public sealed record GeneratedResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, int[]? ChunkSizes, IReadOnlyList<(string Name, string Value)> Trailers)
{
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~"], 1, 20];

    private static readonly Gen<string> Value = Gen.Select(
        Gen.String[Gen.Char[(char)0x21, (char)0x7E], 0, 30],
        Gen.String[Gen.Char[" \t!\"#abcXYZ019:;/=,"], 0, 10],
        Gen.String[Gen.Char[(char)0x21, (char)0x7E], 0, 30],
        (a, middle, b) => a.Length == 0 || b.Length == 0 ? a + b : a + middle + b);

    private static readonly Gen<List<(string, string)>> HeaderList =
        Gen.Select(Token, Value, (name, value) => ("X-" + name, value)).List[0, 12];

    /// <summary>Any valid response: one of the Runtime API's status codes, any headers, a fixed or chunked body.</summary>
    public static readonly Gen<GeneratedResponse> Any =
        from status in Gen.OneOf(200, 202, 400, 403, 404, 410, 413, 500)
        from headers in HeaderList
        from body in Gen.Byte.Array[0, 3000]
        from chunked in Gen.Bool
        from sizes in Gen.Int[1, 700].Array[1, 40]
        from trailers in HeaderList
        select new GeneratedResponse(status, headers, body, chunked ? sizes : null, chunked ? trailers : []);

    public byte[] Bytes
    {
        get
        {
            var bytes = new List<byte>();
            void Text(string s) => bytes.AddRange(Encoding.ASCII.GetBytes(s));
            Text($"HTTP/1.1 {Status} Reason Words\r\n");
            foreach (var (name, value) in Headers)
                Text($"{name}: {value}\r\n");
            if (ChunkSizes is null)
            {
                Text($"Content-Length: {Body.Length}\r\n\r\n");
                bytes.AddRange(Body);
                return [.. bytes];
            }
            Text("Transfer-Encoding: chunked\r\n\r\n");
            int offset = 0, next = 0;
            while (offset < Body.Length)
            {
                int size = Math.Min(ChunkSizes[next++ % ChunkSizes.Length], Body.Length - offset);
                Text(next % 3 == 0 ? $"{size:X};ext=\"v\"\r\n" : $"{size:x}\r\n");
                bytes.AddRange(Body.AsSpan(offset, size).ToArray());
                Text("\r\n");
                offset += size;
            }
            Text("0\r\n");
            foreach (var (name, value) in Trailers)
                Text($"{name}: {value}\r\n");
            Text("\r\n");
            return [.. bytes];
        }
    }
}

/// <summary>What the reader made of a response: status, the headers it reported (framing ones left out), the body.</summary>
internal sealed record ParsedResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public static ParsedResponse Read(HttpResponseReader reader)
    {
        var sink = new HeaderList();
        var head = reader.ReadHead(sink);
        var body = reader.ReadBody(head).ToArray();
        return new ParsedResponse(head.StatusCode, sink.Headers.Where(h => h.Name.StartsWith("X-", StringComparison.Ordinal)).ToList(), body);
    }

    public bool Matches(GeneratedResponse expected) =>
        Status == expected.Status && Headers.SequenceEqual(expected.Headers) && Body.AsSpan().SequenceEqual(expected.Body);

    private sealed class HeaderList : IHttpHeaderSink
    {
        public List<(string Name, string Value)> Headers { get; } = [];

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
            Headers.Add((Encoding.ASCII.GetString(name), Encoding.ASCII.GetString(value)));
    }
}
