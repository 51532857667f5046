using System.Text;
using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class HttpResponseParserTests
{
    private static HttpResponseHead Parse(string text, out int consumed, RecordingSink? sink = null)
    {
        bool done = HttpResponseParser.TryParseHead(Ascii(text), sink ?? new RecordingSink(), out var head, out consumed);
        Assert.True(done, "expected a complete head");
        return head;
    }

    private static InvalidHttpResponseException Invalid(string text)
    {
        byte[] bytes = Ascii(text);
        return Assert.Throws<InvalidHttpResponseException>(() =>
            HttpResponseParser.TryParseHead(bytes, new RecordingSink(), out _, out _));
    }

    [Fact]
    public void GoodHead_GivesStatusFramingAndHeadersInOrder()
    {
        const string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id:  abc \t\r\nContent-Length: 17\r\n\r\n";
        var sink = new RecordingSink();
        var parsed = Parse(head + "{\"hello\":\"world\"}", out int consumed, sink);

        Assert.Equal(200, parsed.StatusCode);
        Assert.Equal(17, parsed.ContentLength);
        Assert.False(parsed.IsChunked);
        Assert.False(parsed.ConnectionClose);
        Assert.True(parsed.HasBody);
        Assert.Equal(head.Length, consumed);
        Assert.Equal(
            [("Content-Type", "application/json"), ("Lambda-Runtime-Aws-Request-Id", "abc"), ("Content-Length", "17")],
            sink.Headers);
    }

    [Fact]
    public void Http10StatusLineWithoutReason_IsAccepted()
    {
        var parsed = Parse("HTTP/1.0 202\r\nContent-Length: 0\r\n\r\n", out _);
        Assert.Equal(202, parsed.StatusCode);
        Assert.Equal(0, parsed.ContentLength);
    }

    [Theory]
    [InlineData("content-length: 5")]
    [InlineData("CONTENT-LENGTH: 5")]
    [InlineData("Content-length:5")]
    public void ContentLengthName_IsMatchedCaseInsensitively(string header)
    {
        var parsed = Parse($"HTTP/1.1 200 OK\r\n{header}\r\n\r\n", out _);
        Assert.Equal(5, parsed.ContentLength);
        Assert.False(parsed.IsChunked);
    }

    [Theory]
    [InlineData("TRANSFER-ENCODING: chunked")]
    [InlineData("transfer-encoding: Chunked")]
    [InlineData("Transfer-Encoding: CHUNKED")]
    public void TransferEncodingChunked_IsMatchedCaseInsensitively(string header)
    {
        var parsed = Parse($"HTTP/1.1 200 OK\r\n{header}\r\n\r\n", out _);
        Assert.True(parsed.IsChunked);
        Assert.Equal(-1, parsed.ContentLength);
    }

    [Theory]
    [InlineData("Connection: close", true)]
    [InlineData("CONNECTION: Close", true)]
    [InlineData("Connection: keep-alive", false)]
    public void ConnectionClose_IsDetected(string header, bool close)
    {
        var parsed = Parse($"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n{header}\r\n\r\n", out _);
        Assert.Equal(close, parsed.ConnectionClose);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 20")]
    [InlineData("HTTP/1.1 200 OK")]
    [InlineData("HTTP/1.1 200 OK\r")]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r")]
    public void PartialHead_NeedsMoreBytes(string text)
    {
        var sink = new RecordingSink();
        bool done = HttpResponseParser.TryParseHead(Ascii(text), sink, out _, out int consumed);
        Assert.False(done);
        Assert.Equal(0, consumed);
        Assert.Empty(sink.Headers);
    }

    // Any prefix of a head that parses must mean "need more bytes", never an error.
    [Theory]
    [InlineData(20)]
    [InlineData(HttpLimits.MaxStatusLineBytes - 1)]
    [InlineData(HttpLimits.MaxStatusLineBytes)]
    public void EveryPrefixOfAnAcceptedHead_NeedsMoreBytes(int statusLineLength)
    {
        string statusLine = "HTTP/1.1 200 " + new string('R', statusLineLength - 13);
        byte[] full = Ascii(statusLine + "\r\nContent-Length: 3\r\nX-A: b\r\n\r\n");
        Assert.True(HttpResponseParser.TryParseHead(full, new RecordingSink(), out _, out int consumed));
        Assert.Equal(full.Length, consumed);

        for (int length = 0; length < full.Length; length++)
        {
            var prefix = full.AsSpan(0, length).ToArray();
            bool done;
            try
            {
                done = HttpResponseParser.TryParseHead(prefix, new RecordingSink(), out _, out _);
            }
            catch (InvalidHttpResponseException e)
            {
                Assert.Fail($"prefix of {length} of {full.Length} bytes threw '{e.Message}'");
                return;
            }
            Assert.False(done, $"prefix of {length} bytes parsed");
        }
    }

    [Fact]
    public void NoContentAndNotModified_NeedNoFraming()
    {
        var noContent = Parse("HTTP/1.1 204 No Content\r\n\r\n", out int consumed);
        Assert.Equal(204, noContent.StatusCode);
        Assert.False(noContent.HasBody);
        Assert.Equal(27, consumed);

        Assert.False(Parse("HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n", out _).HasBody);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Type: text/plain\r\n\r\n")]
    [InlineData("HTTP/1.1 500 Oops\r\nConnection: close\r\n\r\n")]
    public void BodyStatusWithoutFraming_Throws(string text)
    {
        var e = Invalid(text);
        Assert.Contains("neither Content-Length nor chunked", e.Message);
    }

    [Theory]
    [InlineData("HTTP/2 200 OK")]
    [InlineData("http/1.1 200 OK")]
    [InlineData("HTTP/1.1200 OK")]
    [InlineData("HTTP/1.1 20")]
    [InlineData("ICY 200 OK")]
    [InlineData("")]
    public void BadStatusLine_Throws(string statusLine)
    {
        var e = Invalid(statusLine + "\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains("malformed status line", e.Message);
    }

    [Theory]
    [InlineData("HTTP/1.1 2x0 OK")]
    [InlineData("HTTP/1.1 -20 OK")]
    [InlineData("HTTP/1.1 OK 200")]
    [InlineData("HTTP/1.1 2000 OK")]
    [InlineData("HTTP/1.1 20 0 OK")]
    public void NonDigitStatus_Throws(string statusLine)
    {
        var e = Invalid(statusLine + "\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains("malformed status code", e.Message);
        Assert.Contains(statusLine, e.Message);
    }

    [Theory]
    [InlineData("NoColonHere")]
    [InlineData(": value without a name")]
    public void HeaderWithoutColonOrName_Throws(string line)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\n{line}\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains("malformed header line", e.Message);
    }

    [Theory]
    [InlineData("Content-Length : 5")]
    [InlineData("Content-Length\t: 5")]
    [InlineData("Bad Name: x")]
    [InlineData("Bad\"Name: x")]
    [InlineData(" folded: continuation")]
    public void InvalidHeaderName_Throws(string line)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n{line}\r\n\r\n");
        Assert.Contains("invalid header name", e.Message);
    }

    [Theory]
    [InlineData(" continuation of the line above")]
    [InlineData("\tcontinuation of the line above")]
    public void ObsFoldLine_Throws(string fold)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nX-Long: first\r\n{fold}\r\nContent-Length: 0\r\n\r\n");
        Assert.True(e.Message.Contains("malformed header line") || e.Message.Contains("invalid header name"), e.Message);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0001b")]
    [InlineData("a\rb")]
    [InlineData("a\u001Fb")]
    [InlineData("a\u007Fb")]
    public void ControlCharacterInValue_Throws(string value)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nX-Thing: {value}\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains("control character in header 'X-Thing'", e.Message);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\nContent-Length: 0\n")]
    [InlineData("HTTP/1.1 200 OK\r\nX-Thing: a\nb\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n")]
    [InlineData("\nHTTP/1.1 200 OK\r\n")]
    public void BareLineFeed_IsRejectedWithoutWaitingForMore(string text)
    {
        var e = Invalid(text);
        Assert.Contains("bare LF", e.Message);
    }

    [Fact]
    public void InterimResponse_ReportsNoHeaders()
    {
        var sink = new RecordingSink();
        var head = Parse("HTTP/1.1 103 Early Hints\r\nLambda-Runtime-Aws-Request-Id: bogus\r\n\r\n", out _, sink);
        Assert.Equal(103, head.StatusCode);
        Assert.False(head.HasBody);
        Assert.Empty(sink.Headers);
    }

    [Fact]
    public void SwitchingProtocols_IsRejected()
    {
        var e = Invalid("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
        Assert.Contains("101", e.Message);
    }

    [Fact]
    public void TabInValue_IsAllowed()
    {
        var sink = new RecordingSink();
        Parse("HTTP/1.1 200 OK\r\nX-Thing: a\tb\r\nContent-Length: 0\r\n\r\n", out _, sink);
        Assert.Contains(("X-Thing", "a\tb"), sink.Headers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("5 5")]
    [InlineData("0x10")]
    [InlineData("1.5")]
    [InlineData("5,5")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999999")]
    public void InvalidContentLength_Throws(string value)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nContent-Length: {value}\r\n\r\n");
        Assert.Contains("invalid Content-Length", e.Message);
    }

    [Fact]
    public void RepeatedEqualContentLength_IsAccepted()
    {
        Assert.Equal(5, Parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\n", out _).ContentLength);
    }

    [Fact]
    public void ConflictingContentLength_Throws()
    {
        var e = Invalid("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
        Assert.Contains("conflicting Content-Length", e.Message);
    }

    [Theory]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5")]
    public void ContentLengthAndChunked_Throws(string headers)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\n{headers}\r\n\r\n");
        Assert.Contains("both Content-Length and Transfer-Encoding", e.Message);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, chunked")]
    [InlineData("identity")]
    [InlineData("chunked, gzip")]
    public void NonChunkedTransferEncoding_Throws(string value)
    {
        var e = Invalid($"HTTP/1.1 200 OK\r\nTransfer-Encoding: {value}\r\n\r\n");
        Assert.Contains($"unsupported Transfer-Encoding '{value}'", e.Message);
    }

    [Fact]
    public void StatusLineOverLimit_Throws_WhetherOrNotItsEndHasArrived()
    {
        string longLine = "HTTP/1.1 200 " + new string('R', HttpLimits.MaxStatusLineBytes + 10);

        var complete = Invalid(longLine + "\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains($"status line longer than {HttpLimits.MaxStatusLineBytes} bytes", complete.Message);

        var partial = Invalid(longLine);
        Assert.Contains($"status line longer than {HttpLimits.MaxStatusLineBytes} bytes", partial.Message);
    }

    [Fact]
    public void HeadOverLimit_Throws_WhetherOrNotItsEndHasArrived()
    {
        var sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n");
        sb.Append("X-Big: ").Append('v', HttpLimits.MaxHeadBytes).Append("\r\n");

        var partial = Invalid(sb.ToString());
        Assert.Contains($"response headers longer than {HttpLimits.MaxHeadBytes} bytes", partial.Message);

        var complete = Invalid(sb.Append("\r\n").ToString());
        Assert.Contains($"response headers longer than {HttpLimits.MaxHeadBytes} bytes", complete.Message);
    }

    [Fact]
    public void HeadOfExactlyTheLimit_IsAccepted_AndOneByteMoreIsNot()
    {
        const string start = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Big: ";
        string exact = start + new string('v', HttpLimits.MaxHeadBytes - start.Length - 4) + "\r\n\r\n";
        Assert.Equal(HttpLimits.MaxHeadBytes, exact.Length);
        Parse(exact, out int consumed);
        Assert.Equal(HttpLimits.MaxHeadBytes, consumed);

        string over = start + new string('v', HttpLimits.MaxHeadBytes - start.Length - 3) + "\r\n\r\n";
        Invalid(over);
    }

    [Fact]
    public void MaxHeaderCount_IsAccepted_AndOneMoreThrows()
    {
        static string WithHeaders(int count)
        {
            var sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n");
            for (int i = 1; i < count; i++)
                sb.Append("X-H").Append(i).Append(": v\r\n");
            return sb.Append("\r\n").ToString();
        }

        var sink = new RecordingSink();
        Parse(WithHeaders(HttpLimits.MaxHeaderCount), out _, sink);
        Assert.Equal(HttpLimits.MaxHeaderCount, sink.Headers.Count);

        var e = Invalid(WithHeaders(HttpLimits.MaxHeaderCount + 1));
        Assert.Contains($"more than {HttpLimits.MaxHeaderCount} response headers", e.Message);
    }

    [Fact]
    public void ErrorMessages_ShowControlCharactersAsQuestionMarks()
    {
        var e = Invalid("HTTP/1.1 2\u00010 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.Contains("'HTTP/1.1 2?0 OK'", e.Message);
    }
}
