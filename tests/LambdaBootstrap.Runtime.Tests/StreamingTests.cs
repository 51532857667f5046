using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Http;

namespace RuntimeTests;

/// <summary>The chunked request writer, the response stream over it, and the Function URL prelude.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class StreamingTests
{
    private static string Ascii(MemoryStream stream) => Encoding.ASCII.GetString(stream.ToArray());

    [Fact]
    public void Chunks_are_framed_with_hex_sizes_and_the_body_ends_with_a_zero_chunk()
    {
        var wire = new MemoryStream();
        var writer = new ChunkedBodyWriter(wire);
        writer.WriteChunk("hello"u8);
        writer.WriteChunk(new byte[26]);
        writer.WriteChunk([]); // nothing: a zero-size chunk would end the body
        writer.Finish();
        Assert.Equal("5\r\nhello\r\n1a\r\n" + new string('\0', 26) + "\r\n0\r\n\r\n", Ascii(wire));
        Assert.True(writer.IsFinished);
        Assert.Throws<ObjectDisposedException>(() => writer.WriteChunk("x"u8));
    }

    [Fact]
    public void Trailers_follow_the_last_chunk()
    {
        var wire = new MemoryStream();
        var writer = new ChunkedBodyWriter(wire);
        writer.WriteChunk("a"u8);
        writer.Finish([("Lambda-Runtime-Function-Error-Type", "Oops"), ("Lambda-Runtime-Function-Error-Body", "e30=")]);
        Assert.Equal("1\r\na\r\n0\r\nLambda-Runtime-Function-Error-Type: Oops\r\nLambda-Runtime-Function-Error-Body: e30=\r\n\r\n", Ascii(wire));
    }

    [Fact]
    public void A_response_stream_sends_nothing_before_the_first_flush_and_each_flush_at_once()
    {
        var wire = new MemoryStream();
        string? startedWith = null;
        var response = new ResponseStream(contentType => { startedWith = contentType; return new ChunkedBodyWriter(wire); });
        response.ContentType = "text/plain";
        response.Write("abc"u8);
        Assert.False(response.HasStarted);
        Assert.Equal(0, wire.Length);

        response.Flush();
        Assert.Equal("text/plain", startedWith);
        Assert.Equal("3\r\nabc\r\n", Ascii(wire));
        Assert.Throws<InvalidOperationException>(() => response.ContentType = "application/json");

        response.Write("de"u8);
        response.Complete();
        Assert.Equal("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", Ascii(wire));
        Assert.Equal(5, response.BytesSent);
    }

    [Fact]
    public void Large_writes_go_out_without_waiting_for_a_flush()
    {
        var wire = new MemoryStream();
        var response = new ResponseStream(_ => new ChunkedBodyWriter(wire));
        response.Write(new byte[20_000]);
        Assert.True(response.HasStarted);
        Assert.StartsWith("4e20\r\n", Ascii(wire));
    }

    [Fact]
    public void A_failed_response_sends_what_was_written_then_the_error_in_base64_trailers()
    {
        var wire = new MemoryStream();
        var response = new ResponseStream(_ => new ChunkedBodyWriter(wire));
        response.Write("partial"u8);
        response.Flush();
        response.Write("more"u8);
        response.Fail(ErrorReport.Runtime("Oops", "it broke"));

        string text = Ascii(wire);
        Assert.StartsWith("7\r\npartial\r\n4\r\nmore\r\n0\r\nLambda-Runtime-Function-Error-Type: Oops\r\nLambda-Runtime-Function-Error-Body: ", text);
        string body = text.Split("Lambda-Runtime-Function-Error-Body: ")[1].Split("\r\n")[0];
        using var json = JsonDocument.Parse(Convert.FromBase64String(body));
        Assert.Equal("Oops", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("it broke", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.EndsWith("\r\n\r\n", text);
    }

    [Fact]
    public void A_broken_connection_is_remembered_as_fatal_even_if_the_handler_swallows_it()
    {
        var response = new ResponseStream(_ => new ChunkedBodyWriter(new BrokenStream()));
        response.Write("x"u8);
        var thrown = Assert.Throws<RuntimeApiException>(() => response.Flush());
        Assert.Same(thrown, response.ConnectionFailure);
        Assert.Throws<RuntimeApiException>(() => response.Flush());
    }

    [Fact]
    public void A_connection_that_breaks_as_the_stream_ends_is_fatal_not_a_handler_error()
    {
        var wire = new BreakAfter(bytes: 8); // the first chunk goes out, the last chunk does not
        var response = new ResponseStream(_ => new ChunkedBodyWriter(wire));
        response.Write("abc"u8);
        response.Flush();
        var thrown = Assert.Throws<RuntimeApiException>(() => response.Complete());
        Assert.Same(thrown, response.ConnectionFailure);
    }

    [Fact]
    public void A_connection_that_breaks_while_the_error_trailers_go_out_is_fatal_too()
    {
        var wire = new BreakAfter(bytes: 8);
        var response = new ResponseStream(_ => new ChunkedBodyWriter(wire));
        response.Write("abc"u8);
        response.Flush();
        Assert.Throws<RuntimeApiException>(() => response.Fail(ErrorReport.Runtime("Oops", "it broke")));
        Assert.NotNull(response.ConnectionFailure);
    }

    [Fact]
    public void The_function_url_prelude_is_json_then_eight_nul_bytes_then_the_body()
    {
        var wire = new MemoryStream();
        var response = new ResponseStream(_ => new ChunkedBodyWriter(wire));
        HttpResponsePrelude.Write(response, 201,
            new Dictionary<string, string> { ["Content-Type"] = "text/html", ["X-Quote"] = "say \"hi\"" },
            ["a=1; Secure", "b=2"]);
        response.Write("<p>hi</p>"u8);
        response.Complete();

        Assert.Equal(HttpResponsePrelude.ContentType, response.ContentType);
        byte[] body = Dechunk(wire.ToArray());
        int nuls = body.AsSpan().IndexOf(new byte[8]);
        Assert.True(nuls > 0);
        using var prelude = JsonDocument.Parse(body.AsMemory(0, nuls));
        Assert.Equal(201, prelude.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("text/html", prelude.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("say \"hi\"", prelude.RootElement.GetProperty("headers").GetProperty("X-Quote").GetString());
        Assert.Equal(["a=1; Secure", "b=2"], prelude.RootElement.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("<p>hi</p>", Encoding.ASCII.GetString(body.AsSpan(nuls + 8)));
    }

    /// <summary>The payload of a chunked body, read with the runtime's own reader.</summary>
    private static byte[] Dechunk(byte[] chunked)
    {
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        var reader = new HttpResponseReader(new MemoryStream([.. head, .. chunked]));
        var parsed = reader.ReadHead(new IgnoreHeaders());
        return reader.ReadBody(parsed).ToArray();
    }

    private sealed class IgnoreHeaders : IHttpHeaderSink
    {
        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }

    /// <summary>Accepts the first <c>bytes</c> bytes, then fails like a reset connection.</summary>
    private sealed class BreakAfter(int bytes) : ForwardOnlyStream
    {
        private int _left = bytes;

        public override bool CanWrite => true;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.Length > _left)
                throw new IOException("connection reset by peer");
            _left -= buffer.Length;
        }
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("connection reset by peer");
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("connection reset by peer");
    }
}
