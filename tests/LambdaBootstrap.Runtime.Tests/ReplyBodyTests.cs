using System.Text;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Http;

namespace RuntimeTests;

/// <summary>Answers nobody needs are read past without keeping them; values that never change are not copied again.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class ReplyBodyTests
{
    private sealed class Ignore : IHttpHeaderSink
    {
        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }

    private static HttpResponseReader Reader(string wire, int perRead = int.MaxValue) =>
        new(new TrickleStream(Encoding.ASCII.GetBytes(wire), perRead));

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void A_skipped_body_leaves_the_next_response_intact(int perRead)
    {
        var reader = Reader("HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi", perRead);
        reader.SkipBody(reader.ReadHead(new Ignore()));
        var next = reader.ReadHead(new Ignore());
        Assert.Equal(200, next.StatusCode);
        Assert.Equal("hi", Encoding.ASCII.GetString(reader.ReadBody(next).Span));
    }

    [Fact]
    public void A_skipped_chunked_body_leaves_the_next_response_intact()
    {
        var reader = Reader("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        reader.SkipBody(reader.ReadHead(new Ignore()));
        Assert.Equal(200, reader.ReadHead(new Ignore()).StatusCode);
    }

    [Fact]
    public void A_truncated_body_is_an_error_even_when_skipped()
    {
        var reader = Reader("HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"sta");
        var head = reader.ReadHead(new Ignore());
        var error = Assert.Throws<InvalidHttpResponseException>(() => reader.SkipBody(head));
        Assert.Contains("5 of 16", error.Message);
    }

    [Fact]
    public void The_function_arn_string_is_reused_while_it_does_not_change()
    {
        var headers = new InvocationHeaders();
        headers.OnHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-1:1:function:f"u8);
        string first = headers.InvokedFunctionArn!;
        headers.Reset();
        headers.OnHeader("lambda-runtime-invoked-function-arn"u8, "arn:aws:lambda:us-east-1:1:function:f"u8);
        Assert.Same(first, headers.InvokedFunctionArn);
        headers.Reset();
        headers.OnHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-1:1:function:g"u8);
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:g", headers.InvokedFunctionArn);
    }
}
