using System.Collections.Concurrent;
using System.Text;
using LambdaBootstrap.Runtime.Http;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bootstrap.Reliability.Tests.Properties;

/// <summary>
/// The request writer's output, for any header set and for fixed and chunked bodies with trailers, parses back to
/// the same request with an independent HTTP/1.1 parser: Kestrel's, on loopback, through the runtime's own client.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RequestWriterRoundTripProperties : IAsyncLifetime
{
    private const int Iterations = 300;

    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private WebApplication _server = null!;
    private RuntimeApiEndpoint _endpoint = null!;

    /// <summary>The request as Kestrel understood it.</summary>
    private sealed record SeenRequest(string Method, string RawTarget, Dictionary<string, string> Headers, byte[] Body, Dictionary<string, string> Trailers);

    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 16];

    // Visible ASCII with inner spaces: Kestrel trims the ends of a value, as HTTP says to.
    private static readonly Gen<string> Value = Gen.String[Gen.Char[(char)0x20, (char)0x7E], 0, 40].Select(v => v.Trim());

    // Distinct names (case-insensitively), none that Kestrel or the framing would interpret.
    private static readonly Gen<Dictionary<string, string>> Fields =
        Gen.Select(Token, Value, (name, value) => ("x-" + name, value)).List[0, 10]
            .Select(list => list.DistinctBy(f => f.Item1).ToDictionary(f => f.Item1, f => f.Item2));

    // Any text as the request id in the path: the writer percent-encodes it.
    private static readonly Gen<string> Segment = Gen.String[Gen.Char, 1, 20];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var trailers = new Dictionary<string, string>();
            if (context.Request.SupportsTrailers() && context.Request.CheckTrailersAvailable())
            {
                foreach (var name in context.Request.Headers["x-declared-trailers"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
                    trailers[name] = context.Request.GetTrailer(name).ToString();
            }
            _seen.Enqueue(new SeenRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body.ToArray(),
                trailers));
            context.Response.StatusCode = 202;
        });
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _endpoint = new RuntimeApiEndpoint("127.0.0.1", address.Port);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void A_request_with_a_fixed_body_reads_back_the_same()
    {
        using var connection = new HttpConnection(_endpoint, "round-trip/1.0", TimeSpan.FromSeconds(5));
        Gen.Select(Segment, Fields, Gen.Byte.Array[0, 5000]).Sample((id, fields, body) =>
        {
            var request = connection.Request.StartPath("POST"u8, "/2018-06-01/runtime/invocation/"u8).PathSegment(id).EndPath("/response"u8);
            foreach (var (name, value) in fields)
                request.Header(Encoding.ASCII.GetBytes(name), value);
            request.EndHead(body.Length);
            Exchange(connection, body);

            var seen = Seen();
            Assert.Equal("POST", seen.Method);
            Assert.Equal($"/2018-06-01/runtime/invocation/{id}/response", Uri.UnescapeDataString(seen.RawTarget));
            Assert.Equal(body, seen.Body);
            Assert.Equal(body.Length.ToString(), seen.Headers["content-length"]);
            AssertFields(fields, seen.Headers);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_chunked_request_with_trailers_reads_back_the_same()
    {
        using var connection = new HttpConnection(_endpoint, "round-trip/1.0", TimeSpan.FromSeconds(5));
        Gen.Select(Fields, Gen.Byte.Array[0, 3000].List[0, 8], Fields).Sample((fields, chunks, trailers) =>
        {
            var request = connection.Request.Start("POST"u8, "/stream"u8);
            foreach (var (name, value) in fields)
                request.Header(Encoding.ASCII.GetBytes(name), value);
            request.Header("x-declared-trailers"u8, string.Join(",", trailers.Keys));
            var body = request.EndChunkedHead(connection);
            foreach (var chunk in chunks)
                body.WriteChunk(chunk);
            body.Finish([.. trailers.Select(t => (t.Key, t.Value))]);
            var head = connection.ReadResponseHead(new IgnoreHeaders());
            connection.SkipBody(head);
            Assert.Equal(202, head.StatusCode);

            var seen = Seen();
            Assert.Equal("/stream", seen.RawTarget);
            Assert.Equal("chunked", seen.Headers["transfer-encoding"]);
            Assert.Equal(chunks.SelectMany(c => c).ToArray(), seen.Body);
            AssertFields(fields, seen.Headers);
            Assert.Equal(trailers, seen.Trailers);
        }, iter: Iterations, threads: 1);
    }

    private static void Exchange(HttpConnection connection, byte[] body)
    {
        var head = connection.Exchange(body, new IgnoreHeaders());
        connection.SkipBody(head);
        Assert.Equal(202, head.StatusCode);
    }

    private SeenRequest Seen()
    {
        Assert.True(_seen.TryDequeue(out var seen), "Kestrel saw no request");
        Assert.Empty(_seen);
        return seen;
    }

    private static void AssertFields(Dictionary<string, string> sent, Dictionary<string, string> seen)
    {
        foreach (var (name, value) in sent)
        {
            Assert.True(seen.TryGetValue(name, out var got), $"header {name} missing");
            Assert.Equal(value, got);
        }
    }

    private sealed class IgnoreHeaders : IHttpHeaderSink
    {
        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }
}
