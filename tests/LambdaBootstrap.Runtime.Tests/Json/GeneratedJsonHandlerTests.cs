using System.Buffers;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using static RuntimeTests.TestData;

namespace RuntimeTests.Json;

/// <summary><c>LambdaHandler.Json</c> over [LambdaJson] types: read, call, write; an event that does not fit is a <c>Runtime.SerializationError</c>.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class GeneratedJsonHandlerTests
{
    private static async Task<string> Invoke(LambdaHandler handler, string @event)
    {
        using var context = Context("req-g");
        var buffered = Assert.IsAssignableFrom<BufferedHandler>(handler);
        var result = await buffered.InvokeAsync(Encoding.UTF8.GetBytes(@event), context, new ArrayBufferWriter<byte>());
        return Encoding.UTF8.GetString(result.Span);
    }

    [Fact]
    public async Task Json_ReadsTheEvent_WritesTheResult_SyncAndAsync()
    {
        var sync = LambdaHandler.Json((Lenient e, ILambdaContext c) => new Quiet($"{e.Name}/{c.AwsRequestId}", e.Count, ["a"]));
        var async = LambdaHandler.Json(async (Lenient e, ILambdaContext c) =>
        {
            await Task.Yield();
            return new Quiet(e.Name, e.Count * 2, null);
        });

        Assert.Equal("""{"display-name":"Ada/req-g","item-count":3,"xml-tags":["a"]}""", await Invoke(sync, """{"name":"Ada","count":3}"""));
        Assert.Equal("""{"display-name":"Ada","item-count":14,"xml-tags":null}""", await Invoke(async, """{"NAME":"Ada"}"""));
    }

    [Fact]
    public async Task Json_NullResult_IsWrittenAsNull()
    {
        var handler = LambdaHandler.Json((Lenient e, ILambdaContext c) => (Quiet)null!);
        Assert.Equal("null", await Invoke(handler, "null"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"name\":5}")]
    [InlineData("{\"count\":\"many\"}")]
    [InlineData("{\"count\":99999999999}")]
    [InlineData("[1,2]")]
    [InlineData("{\"name\":\"x\"")]
    [InlineData("{\"name\":\"\\uD800\"}")]
    public async Task Json_InvalidEvent_IsASerializationError(string @event)
    {
        bool called = false;
        var handler = LambdaHandler.Json((Lenient e, ILambdaContext c) => { called = true; return new Quiet("", 0, null); });

        var e = await Assert.ThrowsAsync<RuntimeErrorException>(() => Invoke(handler, @event));
        Assert.Equal("Runtime.SerializationError", e.ErrorType);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
        Assert.Contains(nameof(Lenient), e.Message);
        Assert.False(called);
    }

    [Fact]
    public async Task Json_UnwritableResult_IsASerializationError()
    {
        var handler = LambdaHandler.Json((Lenient e, ILambdaContext c) =>
        {
            var link = new Link { Label = "loop" };
            link.Next = link;
            return link;
        });

        var e = await Assert.ThrowsAsync<RuntimeErrorException>(() => Invoke(handler, "{}"));
        Assert.Equal("Runtime.SerializationError", e.ErrorType);
        Assert.Contains(nameof(Link), e.Message);
    }

    [Fact]
    public void Json_NullHandler_Throws() =>
        Assert.Throws<ArgumentNullException>("handler", () => LambdaHandler.Json((Func<Lenient, ILambdaContext, Quiet>)null!));
}
