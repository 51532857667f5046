using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class HttpResponseReaderTests
{
    private const string FixedResponse = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nLambda-Runtime-Aws-Request-Id: r1\r\n\r\nhello world";

    private const string ChunkedResponse =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: r2\r\n\r\n" +
        "5\r\nhello\r\n" +
        "1;name=value\r\n \r\n" +
        "A ; ext=\"quoted;semi\"\r\n0123456789\r\n" +
        "1b\r\n" + "abcdefghijklmnopqrstuvwxyz!" + "\r\n" +
        "0;last\r\n" +
        "Trailer-One: 1\r\nTrailer-Two: 2\r\n\r\n";

    private const string ChunkedBody = "hello 0123456789abcdefghijklmnopqrstuvwxyz!";

    private static (HttpResponseHead Head, string Body) ReadOne(HttpResponseReader reader, RecordingSink? sink = null)
    {
        var head = reader.ReadHead(sink ?? new RecordingSink());
        var body = reader.ReadBody(head);
        return (head, Text(body.Span));
    }

    private static InvalidHttpResponseException Invalid(string response, int perRead = int.MaxValue)
    {
        var reader = new HttpResponseReader(new TrickleStream(Ascii(response), perRead));
        return Assert.Throws<InvalidHttpResponseException>(() => reader.ReadBody(reader.ReadHead(new RecordingSink())));
    }

    public static TheoryData<int> ReadSizes => new() { int.MaxValue, 1, 3, 7 };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void InterimResponses_AreSkippedAndTheirHeadersIgnored(int perRead)
    {
        var sink = new RecordingSink();
        var reader = new HttpResponseReader(new TrickleStream(Ascii(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nX-Id: bogus\r\n\r\n" + FixedResponse), perRead));
        var (head, body) = ReadOne(reader, sink);
        Assert.Equal(200, head.StatusCode);
        Assert.Equal("hello world", body);
        Assert.DoesNotContain(sink.Headers, h => h.Name == "X-Id");
    }

    [Fact]
    public void ConnectionBrokenMidHead_IsAFailedAnswerNotAClosedConnection()
    {
        // A reset after part of the head: the answer was under way, so this is no idle connection to retry on.
        var reader = new HttpResponseReader(new BreakingStream(Ascii("HTTP/1.1 200 OK\r\nContent-")));
        var e = Assert.Throws<InvalidHttpResponseException>(() => reader.ReadHead(new RecordingSink()));
        Assert.Contains("broke after 25 bytes", e.Message);
        var fresh = new HttpResponseReader(new BreakingStream([]));
        Assert.IsNotType<InvalidHttpResponseException>(Assert.ThrowsAny<IOException>(() => fresh.ReadHead(new RecordingSink())));
    }

    /// <summary>Returns its bytes, then fails the way a reset connection does.</summary>
    private sealed class BreakingStream(byte[] data) : ForwardOnlyStream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override int Read(Span<byte> buffer)
        {
            if (_sent || data.Length == 0)
                throw new IOException("Connection reset by peer");
            _sent = true;
            data.CopyTo(buffer);
            return data.Length;
        }
    }

    [Fact]
    public void EndlessInterimResponses_AreAnError()
    {
        var e = Invalid(string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 20)) + FixedResponse);
        Assert.Contains("interim", e.Message);
    }

    [Theory]
    [InlineData("5\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhello\n0\r\n\r\n")]
    [InlineData("5\r\nhello\r\n0\r\nX: 1\n")]
    public void BareLineFeedInChunkedFraming_IsRejectedAtOnce(string chunks)
    {
        // No more bytes will come: the reader must decide from these alone.
        var e = Invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
        Assert.Contains("bare LF", e.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void ContentLengthBody(int perRead)
    {
        var sink = new RecordingSink();
        var reader = new HttpResponseReader(new TrickleStream(Ascii(FixedResponse), perRead));
        var (head, body) = ReadOne(reader, sink);

        Assert.Equal(200, head.StatusCode);
        Assert.Equal(11, head.ContentLength);
        Assert.Equal("hello world", body);
        Assert.Contains(("Lambda-Runtime-Aws-Request-Id", "r1"), sink.Headers);
        Assert.False(reader.HasBufferedBytes);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void ChunkedBody_WithExtensionsAndTrailers(int perRead)
    {
        var sink = new RecordingSink();
        var reader = new HttpResponseReader(new TrickleStream(Ascii(ChunkedResponse), perRead));
        var (head, body) = ReadOne(reader, sink);

        Assert.True(head.IsChunked);
        Assert.Equal(ChunkedBody, body);
        Assert.Contains(("X-Id", "r2"), sink.Headers);
        Assert.DoesNotContain(sink.Headers, h => h.Name.StartsWith("Trailer"));
        Assert.False(reader.HasBufferedBytes);
    }

    [Fact]
    public void ChunkedBody_WithEmptyBody()
    {
        var reader = new HttpResponseReader(new MemoryStream(Ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")));
        Assert.Equal("", ReadOne(reader).Body);
        Assert.False(reader.HasBufferedBytes);
    }

    [Fact]
    public void ChunkedBody_LargerThanTheReadBuffer()
    {
        // Chunks that together exceed the reader's 8 KiB buffer and its initial body array.
        var expected = new System.Text.StringBuilder();
        var wire = new System.Text.StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 40; i++)
        {
            string chunk = new((char)('a' + i % 26), 1000 + i);
            expected.Append(chunk);
            wire.Append($"{chunk.Length:x}\r\n{chunk}\r\n");
        }
        wire.Append("0\r\n\r\n");

        foreach (int perRead in new[] { int.MaxValue, 4096, 1 })
        {
            var reader = new HttpResponseReader(new TrickleStream(Ascii(wire.ToString()), perRead));
            Assert.Equal(expected.ToString(), ReadOne(reader).Body);
        }
    }

    [Fact]
    public void LargeFixedBody_IsReadCompletely()
    {
        string payload = string.Concat(Enumerable.Range(0, 5000).Select(i => (i % 10).ToString()));
        payload += payload + payload; // 15000 bytes: more than the 8 KiB read buffer
        var reader = new HttpResponseReader(new TrickleStream(Ascii($"HTTP/1.1 200 OK\r\nContent-Length: {payload.Length}\r\n\r\n{payload}"), 1000));
        Assert.Equal(payload, ReadOne(reader).Body);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void TwoKeepAliveResponsesBackToBack(int perRead)
    {
        var stream = new TrickleStream(Ascii(FixedResponse + ChunkedResponse + "HTTP/1.1 204 No Content\r\n\r\n"), perRead);
        var reader = new HttpResponseReader(stream);

        var first = ReadOne(reader);
        Assert.Equal("hello world", first.Body);

        var sink = new RecordingSink();
        var second = ReadOne(reader, sink);
        Assert.True(second.Head.IsChunked);
        Assert.Equal(ChunkedBody, second.Body);
        Assert.DoesNotContain(sink.Headers, h => h.Name == "Lambda-Runtime-Aws-Request-Id");

        var third = ReadOne(reader);
        Assert.Equal(204, third.Head.StatusCode);
        Assert.Equal("", third.Body);
        Assert.False(reader.HasBufferedBytes);
        Assert.Throws<HttpConnectionClosedException>(() => reader.ReadHead(new RecordingSink()));
    }

    // A status line of exactly the limit is accepted in one read, so it must be in any split too.
    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void StatusLineOfExactlyTheLimit_IsReadWhateverTheSplit(int perRead)
    {
        string statusLine = "HTTP/1.1 200 " + new string('R', HttpLimits.MaxStatusLineBytes - 13);
        var reader = new HttpResponseReader(new TrickleStream(Ascii(statusLine + "\r\nContent-Length: 2\r\n\r\nok"), perRead));
        var (head, body) = ReadOne(reader);
        Assert.Equal(200, head.StatusCode);
        Assert.Equal("ok", body);
    }

    [Fact]
    public void TrickleStream_GivesTheSameHeadersAsOneRead()
    {
        string both = FixedResponse + ChunkedResponse;
        var whole = new RecordingSink();
        var trickled = new RecordingSink();
        var a = new HttpResponseReader(new MemoryStream(Ascii(both)));
        var b = new HttpResponseReader(new TrickleStream(Ascii(both)));
        ReadOne(a, whole); ReadOne(a, whole);
        ReadOne(b, trickled); ReadOne(b, trickled);
        Assert.Equal(whole.Headers, trickled.Headers);
    }

    [Fact]
    public void BufferedBytesBeyondTheResponse_AreReported()
    {
        var reader = new HttpResponseReader(new MemoryStream(Ascii(FixedResponse + "junk")));
        ReadOne(reader);
        Assert.True(reader.HasBufferedBytes);
    }

    [Fact]
    public void EofBeforeAnyByte_IsConnectionClosed()
    {
        var reader = new HttpResponseReader(new MemoryStream([]));
        Assert.Throws<HttpConnectionClosedException>(() => reader.ReadHead(new RecordingSink()));
    }

    [Theory]
    [InlineData("H")]
    [InlineData("HTTP/1.1 200 OK")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r")]
    public void TruncatedHead_Throws(string response)
    {
        foreach (int perRead in new[] { int.MaxValue, 1 })
        {
            var e = Invalid(response, perRead);
            Assert.Contains($"connection closed after {response.Length} bytes of the response head", e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void TruncatedFixedBody_Throws(int perRead)
    {
        var e = Invalid("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello", perRead);
        Assert.Contains("connection closed after 5 of 11 body bytes", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5\r\nhel")]
    [InlineData("5\r\nhello")]
    [InlineData("5\r\nhello\r")]
    [InlineData("5\r\nhello\r\n")]
    [InlineData("5\r\nhello\r\n0\r\n")]
    [InlineData("5\r\nhello\r\n0\r\nTrailer: x\r\n")]
    public void TruncatedChunkedBody_Throws(string body)
    {
        foreach (int perRead in new[] { int.MaxValue, 1 })
        {
            var e = Invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body, perRead);
            Assert.Contains("connection closed", e.Message);
        }
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData(";ext")]
    [InlineData("0x5")]
    [InlineData("5 5")]
    [InlineData("123456789")]
    [InlineData("FFFFFFFF")]
    public void BadChunkSize_Throws(string sizeLine)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{sizeLine}\r\nhello\r\n0\r\n\r\n");
        Assert.Contains("invalid chunk size", e.Message);
    }

    [Fact]
    public void ChunkSizeLineOverLimit_Throws()
    {
        string longLine = "5;" + new string('e', HttpLimits.MaxChunkLineBytes + 10);
        foreach (int perRead in new[] { int.MaxValue, 1 })
        {
            var e = Invalid($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{longLine}", perRead);
            Assert.Contains($"chunk size line longer than {HttpLimits.MaxChunkLineBytes} bytes", e.Message);
        }
    }

    [Theory]
    [InlineData("5\r\nhelloX\r\n0\r\n\r\n")]
    [InlineData("5\r\nhello0\r\n\r\n")]
    [InlineData("3\r\nhello\r\n0\r\n\r\n")]
    public void MissingCrlfAfterChunkData_Throws(string body)
    {
        foreach (int perRead in new[] { int.MaxValue, 1 })
        {
            var e = Invalid("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body, perRead);
            Assert.True(e.Message.Contains("chunk data not followed by CRLF") || e.Message.Contains("chunk terminator"), e.Message);
        }
    }

    [Fact]
    public void SingleChunkOverMaxBodyBytes_Throws()
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{HttpLimits.MaxBodyBytes + 1:x}\r\nabc");
        Assert.Contains("invalid chunk size", e.Message);
    }

    [Fact]
    public void ChunkedBodyAddingUpToOverMaxBodyBytes_Throws()
    {
        // One chunk of exactly the limit (generated, not stored), then one more byte.
        var prefix = Ascii($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{HttpLimits.MaxBodyBytes:x}\r\n");
        var suffix = Ascii("\r\n1\r\nx\r\n0\r\n\r\n");
        var reader = new HttpResponseReader(new GeneratedStream(prefix, HttpLimits.MaxBodyBytes, suffix));
        var head = reader.ReadHead(new RecordingSink());
        var e = Assert.Throws<InvalidHttpResponseException>(() => reader.ReadBody(head));
        Assert.Contains($"chunked response body over the {HttpLimits.MaxBodyBytes} byte limit", e.Message);
    }

    [Fact]
    public void ContentLengthOverMaxBodyBytes_Throws_BeforeReadingTheBody()
    {
        var stream = new TrickleStream(Ascii($"HTTP/1.1 200 OK\r\nContent-Length: {HttpLimits.MaxBodyBytes + 1L}\r\n\r\nabc"), int.MaxValue);
        var reader = new HttpResponseReader(stream);
        var head = reader.ReadHead(new RecordingSink());
        var e = Assert.Throws<InvalidHttpResponseException>(() => reader.ReadBody(head));
        Assert.Contains($"over the {HttpLimits.MaxBodyBytes} byte limit", e.Message);
    }

    [Fact]
    public void ContentLengthOfExactlyMaxBodyBytes_IsRead()
    {
        var prefix = Ascii($"HTTP/1.1 200 OK\r\nContent-Length: {HttpLimits.MaxBodyBytes}\r\n\r\n");
        var reader = new HttpResponseReader(new GeneratedStream(prefix, HttpLimits.MaxBodyBytes, []));
        var body = reader.ReadBody(reader.ReadHead(new RecordingSink()));
        Assert.Equal(HttpLimits.MaxBodyBytes, body.Length);
        Assert.Equal((byte)'x', body.Span[^1]);
    }

    [Fact]
    public void MalformedHead_FromTheStream_Throws()
    {
        var e = Invalid("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
        Assert.Contains("conflicting Content-Length", e.Message);
    }

    [Fact]
    public void HeadOverMaxHeadBytes_FromTheStream_Throws()
    {
        string big = "HTTP/1.1 200 OK\r\nX-Big: " + new string('v', HttpLimits.MaxHeadBytes + 100);
        foreach (int perRead in new[] { int.MaxValue, 4096 })
            Invalid(big + "\r\nContent-Length: 0\r\n\r\n", perRead);
    }

    [Fact]
    public void NoBodyStatus_ReadsNothingFromTheStream()
    {
        var reader = new HttpResponseReader(new MemoryStream(Ascii("HTTP/1.1 204 No Content\r\n\r\n" + FixedResponse)));
        var (head, body) = ReadOne(reader);
        Assert.Equal(204, head.StatusCode);
        Assert.Equal("", body);
        Assert.Equal("hello world", ReadOne(reader).Body);
    }
}
