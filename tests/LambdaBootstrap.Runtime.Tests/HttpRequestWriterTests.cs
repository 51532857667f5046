using System.Text;
using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class HttpRequestWriterTests
{
    private const string Fixed = "Host: 127.0.0.1:9001\r\nUser-Agent: test/1.0\r\n";

    private static HttpRequestWriter NewWriter() => new(Ascii(Fixed));

    private static string Sent(HttpRequestWriter writer, ReadOnlySpan<byte> body)
    {
        var stream = new MemoryStream();
        writer.WriteTo(stream, body);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Get_WithoutBody_HasNoContentLength()
    {
        var writer = NewWriter();
        writer.Start("GET"u8, "/2018-06-01/runtime/invocation/next"u8).EndHead(null);
        Assert.Equal("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n" + Fixed + "\r\n", Sent(writer, default));
    }

    [Fact]
    public void Post_WithHeadersAndBody_IsExact()
    {
        var writer = NewWriter();
        writer.Start("POST"u8, "/2018-06-01/runtime/init/error"u8)
              .Header("Content-Type"u8, "application/json"u8)
              .Header("X-Text"u8, "plain text")
              .EndHead(13);
        Assert.Equal(
            "POST /2018-06-01/runtime/init/error HTTP/1.1\r\n" + Fixed +
            "Content-Type: application/json\r\nX-Text: plain text\r\nContent-Length: 13\r\n\r\n{\"ok\":\"yes\"}!",
            Sent(writer, "{\"ok\":\"yes\"}!"u8));
    }

    [Fact]
    public void EmptyBody_HasContentLengthZero()
    {
        var writer = NewWriter();
        writer.Start("POST"u8, "/x"u8).EndHead(0);
        Assert.Equal("POST /x HTTP/1.1\r\n" + Fixed + "Content-Length: 0\r\n\r\n", Sent(writer, default));
    }

    [Fact]
    public void StartPath_PathSegment_EndPath_BuildTheRequestLine()
    {
        var writer = NewWriter();
        writer.StartPath("POST"u8, "/2018-06-01/runtime/invocation/"u8)
              .PathSegment("8476a536-e9f4-11e8-9739-2dfe598c3fcd")
              .EndPath("/response"u8)
              .EndHead(2);
        Assert.Equal(
            "POST /2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/response HTTP/1.1\r\n" + Fixed + "Content-Length: 2\r\n\r\nok",
            Sent(writer, "ok"u8));
    }

    [Theory]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../../next", "..%2F..%2Fnext")]
    [InlineData("a b?c#d%e", "a%20b%3Fc%23d%25e")]
    [InlineData("x\r\nHost: evil", "x%0D%0AHost%3A%20evil")]
    [InlineData("é", "%C3%A9")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void PathSegment_PercentEncodesAllButUnreserved(string segment, string expected)
    {
        var writer = NewWriter();
        writer.StartPath("POST"u8, "/p/"u8).PathSegment(segment).EndPath("/s"u8).EndHead(null);
        string requestLine = Sent(writer, default).Split("\r\n")[0];
        Assert.Equal($"POST /p/{expected}/s HTTP/1.1", requestLine);
    }

    [Theory]
    [InlineData("a\r\nInjected: yes", "a  Injected: yes")]
    [InlineData("a\nb\rc", "a b c")]
    [InlineData("tab\there", "tab here")]
    [InlineData("nul\0del\u007F", "nul del ")]
    [InlineData("naïve ✓", "naïve ✓")]
    public void TextHeader_ReplacesControlCharactersWithSpaces(string value, string expected)
    {
        var writer = NewWriter();
        writer.Start("POST"u8, "/x"u8).Header("X-Value"u8, value).EndHead(0);
        string sent = Sent(writer, default);
        Assert.Equal("POST /x HTTP/1.1\r\n" + Fixed + $"X-Value: {expected}\r\nContent-Length: 0\r\n\r\n", sent);
        // Exactly the lines we wrote: nothing injected.
        Assert.Equal(7, sent.Split("\r\n").Length);
    }

    [Fact]
    public void LongTextHeader_GrowsTheBuffer()
    {
        string value = new('v', 10_000);
        var writer = NewWriter();
        writer.Start("POST"u8, "/x"u8).Header("X-Long"u8, value).EndHead(1);
        Assert.Equal("POST /x HTTP/1.1\r\n" + Fixed + $"X-Long: {value}\r\nContent-Length: 1\r\n\r\n!", Sent(writer, "!"u8));
    }

    [Theory]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(1024 * 1024)]
    public void LargeBody_IsWrittenCompletely(int size)
    {
        var body = new byte[size];
        for (int i = 0; i < body.Length; i++)
            body[i] = (byte)(i * 31 + 7);
        var writer = NewWriter();
        writer.Start("POST"u8, "/x"u8).EndHead(size);

        var stream = new MemoryStream();
        writer.WriteTo(stream, body);
        byte[] expectedHead = Ascii("POST /x HTTP/1.1\r\n" + Fixed + $"Content-Length: {size}\r\n\r\n");
        Assert.Equal(expectedHead.Concat(body).ToArray(), stream.ToArray());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20_000)]
    public void WriteTo_Twice_ResendsTheSameBytes(int size)
    {
        var body = Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray();
        var writer = NewWriter();
        writer.Start("POST"u8, "/x"u8).Header("X-A"u8, "b").EndHead(size);

        var first = new MemoryStream();
        var second = new MemoryStream();
        writer.WriteTo(first, body);
        writer.WriteTo(second, body);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.EndsWith($"Content-Length: {size}\r\n\r\n" + Encoding.ASCII.GetString(body), Encoding.ASCII.GetString(second.ToArray()));
    }

    [Fact]
    public void StartingAgain_ForgetsThePreviousRequest()
    {
        var writer = NewWriter();
        writer.Start("POST"u8, "/first"u8).Header("X-Old"u8, "1").EndHead(3);
        Sent(writer, "abc"u8);

        writer.Start("GET"u8, "/second"u8).EndHead(null);
        Assert.Equal("GET /second HTTP/1.1\r\n" + Fixed + "\r\n", Sent(writer, default));
    }
}
