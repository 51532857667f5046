using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using static RuntimeTests.TestData;

namespace RuntimeTests;

public sealed record Order(string Id, int Quantity);

public sealed record Receipt(string OrderId, decimal Total, string Note);

public sealed class Node
{
    public string Name { get; set; } = "";
    public Node? Next { get; set; }
}

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Node))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

[Trait(Tier.Name, Tier.Unit)]
public class HandlerTests
{
    /// <summary>A stream that is not an exposable MemoryStream, and records its disposal.</summary>
    private sealed class TrackingStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>The buffered kind every non-streaming factory makes.</summary>
    private static BufferedHandler Buffered(LambdaHandler handler) => Assert.IsAssignableFrom<BufferedHandler>(handler);

    private static async Task<string> Invoke(LambdaHandler handler, string @event, ILambdaContext? context = null)
    {
        using var owned = context is null ? Context("req-h") : null;
        var result = await Buffered(handler).InvokeAsync(Encoding.UTF8.GetBytes(@event), context ?? owned!, new ArrayBufferWriter<byte>());
        return Encoding.UTF8.GetString(result.Span);
    }

    [Fact]
    public void Factories_MakeTheTwoKinds_BufferedOrStreaming()
    {
        var buffered = new[]
        {
            LambdaHandler.Bytes((e, c) => e),
            LambdaHandler.Bytes(async (e, c) => await Task.FromResult(e)),
            LambdaHandler.Json((Order o, ILambdaContext c) => o, TestJsonContext.Default.Order, TestJsonContext.Default.Order),
            LambdaHandler.Json((Order o, ILambdaContext c) => Task.FromResult(o), TestJsonContext.Default.Order, TestJsonContext.Default.Order),
            LambdaHandler.Json(c => new Order("x", 1), TestJsonContext.Default.Order),
            LambdaHandler.StreamBuffered((input, c) => input),
            LambdaHandler.StreamBuffered((input, c) => Task.FromResult(input)),
        };
        Assert.All(buffered, h => Assert.IsAssignableFrom<BufferedHandler>(h));

        var streaming = new[]
        {
            LambdaHandler.Streaming((e, response, c) => { }),
            LambdaHandler.Streaming((e, response, c) => Task.CompletedTask),
        };
        Assert.All(streaming, h => Assert.IsType<StreamingHandler>(h));
        Assert.All(streaming, h => Assert.False(h is BufferedHandler));
    }

    [Fact]
    public void Factories_RejectNullHandlers_AtInit()
    {
        Assert.Throws<ArgumentNullException>("handler", () => LambdaHandler.Bytes((Func<ReadOnlyMemory<byte>, ILambdaContext, ReadOnlyMemory<byte>>)null!));
        Assert.Throws<ArgumentNullException>("handler", () => LambdaHandler.StreamBuffered((Func<Stream, ILambdaContext, Stream>)null!));
        Assert.Throws<ArgumentNullException>("handler", () => LambdaHandler.Streaming((Action<ReadOnlyMemory<byte>, ResponseStream, ILambdaContext>)null!));
        Assert.Throws<ArgumentNullException>("input", () => LambdaHandler.Json((Order o, ILambdaContext c) => o, null!, TestJsonContext.Default.Order));
        Assert.Throws<ArgumentNullException>("output", () => LambdaHandler.Json(c => new Order("x", 1), null!));
    }

    [Fact]
    public async Task Bytes_Sync()
    {
        var handler = LambdaHandler.Bytes((e, c) => Encoding.UTF8.GetBytes($"{c.AwsRequestId}:{Encoding.UTF8.GetString(e.Span)}"));
        Assert.Equal("req-h:ping", await Invoke(handler, "ping"));
    }

    [Fact]
    public async Task Bytes_Async()
    {
        var handler = LambdaHandler.Bytes(async (e, c) =>
        {
            await Task.Yield(); // completes later, on another thread
            return (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e.Span).ToUpperInvariant());
        });
        Assert.Equal("PING", await Invoke(handler, "ping"));
    }

    [Fact]
    public async Task Bytes_ReturnsTheHandlersMemoryAsIs()
    {
        byte[] owned = Encoding.ASCII.GetBytes("0123456789");
        var handler = LambdaHandler.Bytes((e, c) => owned.AsMemory(2, 3));
        using var context = Context();
        var result = await Buffered(handler).InvokeAsync(default, context, new ArrayBufferWriter<byte>());
        Assert.Equal("234", Encoding.ASCII.GetString(result.Span));
    }

    [Fact]
    public async Task StreamBuffered_Sync_SeesOnlyTheEvent_ReadOnly()
    {
        string? seen = null;
        bool? writable = null;
        var handler = LambdaHandler.StreamBuffered((input, c) =>
        {
            writable = input.CanWrite;
            seen = new StreamReader(input).ReadToEnd();
            var output = new MemoryStream();
            output.Write(Encoding.UTF8.GetBytes("got " + seen));
            output.Position = 0;
            return output;
        });

        byte[] backing = Encoding.ASCII.GetBytes("xxxEVENTyyy");
        using var context = Context();
        var result = await Buffered(handler).InvokeAsync(backing.AsMemory(3, 5), context, new ArrayBufferWriter<byte>());

        Assert.Equal("EVENT", seen);
        Assert.False(writable);
        Assert.Equal("got EVENT", Encoding.UTF8.GetString(result.Span));
    }

    [Fact]
    public async Task StreamBuffered_MemoryStream_IsReadFromItsPosition()
    {
        var handler = LambdaHandler.StreamBuffered((input, c) =>
        {
            var output = new MemoryStream();
            output.Write("skip:payload"u8);
            output.Position = 5;
            return output;
        });
        Assert.Equal("payload", await Invoke(handler, ""));
    }

    [Fact]
    public async Task StreamBuffered_Async_OtherStream_IsReadToItsEndAndDisposed()
    {
        byte[] big = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 10_000).Select(i => (char)('a' + i % 26))) + "END");
        TrackingStream? returned = null;
        var handler = LambdaHandler.StreamBuffered(async (input, c) =>
        {
            await Task.Yield();
            returned = new TrackingStream(big);
            return (Stream)returned;
        });

        var output = new ArrayBufferWriter<byte>();
        using var context = Context();
        var result = await Buffered(handler).InvokeAsync(Encoding.ASCII.GetBytes("in"), context, output);

        Assert.Equal(big, result.ToArray());
        Assert.NotNull(returned);
        Assert.True(returned.Disposed);
    }

    [Fact]
    public async Task StreamBuffered_LargerThanOneReadBuffer_IsReadCompletely()
    {
        byte[] big = new byte[100_000];
        new Random(7).NextBytes(big);
        var handler = LambdaHandler.StreamBuffered((input, c) => new TrickleStream(big, 7000));
        using var context = Context();
        var result = await Buffered(handler).InvokeAsync(default, context, new ArrayBufferWriter<byte>());
        Assert.Equal(big, result.ToArray());
    }

    [Fact]
    public async Task Json_Sync()
    {
        ILambdaContext? seenContext = null;
        var handler = LambdaHandler.Json((Order order, ILambdaContext c) =>
        {
            seenContext = c;
            return new Receipt(order.Id, order.Quantity * 2.5m, "é \"quoted\"");
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);

        using var context = Context("req-json");
        string json = await Invoke(handler, """{"Id":"o-1","Quantity":4}""", context);

        Assert.Same(context, seenContext);
        var receipt = JsonSerializer.Deserialize(json, TestJsonContext.Default.Receipt);
        Assert.Equal(new Receipt("o-1", 10.0m, "é \"quoted\""), receipt);
    }

    [Fact]
    public async Task Json_Async()
    {
        var handler = LambdaHandler.Json(async (Order order, ILambdaContext c) =>
        {
            await Task.Yield(); // completes later, on another thread
            return new Receipt(order.Id, order.Quantity, c.AwsRequestId);
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);

        string json = await Invoke(handler, """{"Id":"o-2","Quantity":3}""");
        Assert.Equal(new Receipt("o-2", 3, "req-h"), JsonSerializer.Deserialize(json, TestJsonContext.Default.Receipt));
    }

    [Fact]
    public async Task Json_SeveralInvocations_EachWriteOnlyTheirOwnResult()
    {
        var handler = LambdaHandler.Json((Order order, ILambdaContext c) => new Receipt(order.Id, order.Quantity, ""),
            TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        using var context = Context();

        var first = new ArrayBufferWriter<byte>();
        var second = new ArrayBufferWriter<byte>();
        var a = await Buffered(handler).InvokeAsync(Encoding.UTF8.GetBytes("""{"Id":"a","Quantity":1}"""), context, first);
        var b = await Buffered(handler).InvokeAsync(Encoding.UTF8.GetBytes("""{"Id":"b","Quantity":2}"""), context, second);

        Assert.Equal(new Receipt("a", 1, ""), JsonSerializer.Deserialize(a.Span, TestJsonContext.Default.Receipt));
        Assert.Equal(new Receipt("b", 2, ""), JsonSerializer.Deserialize(b.Span, TestJsonContext.Default.Receipt));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"Id\":5,\"Quantity\":1}")]
    [InlineData("{\"Id\":\"x\",\"Quantity\":\"many\"}")]
    [InlineData("[1,2]")]
    [InlineData("{\"Id\":\"x\"")]
    public async Task Json_InvalidEvent_IsASerializationError(string @event)
    {
        bool called = false;
        var handler = LambdaHandler.Json((Order order, ILambdaContext c) => { called = true; return new Receipt("", 0, ""); },
            TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);

        var e = await Assert.ThrowsAsync<RuntimeErrorException>(() => Invoke(handler, @event));
        Assert.Equal(RuntimeErrorException.SerializationError, e.ErrorType);
        Assert.Equal("Runtime.SerializationError", e.ErrorType);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
        Assert.Contains(nameof(Order), e.Message);
        Assert.False(called);
    }

    [Fact]
    public async Task Json_UnwritableResult_IsASerializationError()
    {
        var handler = LambdaHandler.Json((Order order, ILambdaContext c) =>
        {
            var node = new Node { Name = "loop" };
            node.Next = node;
            return node;
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Node);

        var e = await Assert.ThrowsAsync<RuntimeErrorException>(() => Invoke(handler, """{"Id":"x","Quantity":1}"""));
        Assert.Equal(RuntimeErrorException.SerializationError, e.ErrorType);
        Assert.Contains(nameof(Node), e.Message);
    }

    private static Receipt Boom(string message) => throw new InvalidOperationException(message);

    [Fact]
    public async Task Json_HandlerException_IsNotWrapped()
    {
        var sync = LambdaHandler.Json((Order order, ILambdaContext c) => Boom("sync boom"),
            TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        var async = LambdaHandler.Json(async (Order order, ILambdaContext c) =>
        {
            await Task.Yield();
            return Boom("async boom");
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);

        const string ok = """{"Id":"x","Quantity":1}""";
        Assert.Equal("sync boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => Invoke(sync, ok))).Message);
        Assert.Equal("async boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => Invoke(async, ok))).Message);
    }

    [Fact]
    public void Registry_NamesAreSorted()
    {
        var registry = new HandlerRegistry
        {
            ["zeta"] = () => LambdaHandler.Bytes((e, c) => e),
            ["beta"] = () => LambdaHandler.Bytes((e, c) => e),
            ["Alpha"] = () => LambdaHandler.Bytes((e, c) => e),
            ["alpha"] = () => LambdaHandler.Bytes((e, c) => e),
        };
        Assert.Equal(["Alpha", "alpha", "beta", "zeta"], registry.Names);
    }

    [Fact]
    public void Registry_LookupIsExact_AndLaterEntriesReplaceEarlier()
    {
        var first = LambdaHandler.Bytes((e, c) => e);
        var second = LambdaHandler.Bytes((e, c) => e);
        var registry = new HandlerRegistry { ["echo"] = () => first };
        registry["echo"] = () => second;

        Assert.True(registry.TryGet("echo", out var factory));
        Assert.Same(second, factory());
        Assert.False(registry.TryGet("Echo", out _));
        Assert.False(registry.TryGet("ech", out _));
        Assert.Equal(["echo"], registry.Names);
    }

    private static HandlerRegistry ThreeHandlers() => new()
    {
        ["upper"] = () => LambdaHandler.Bytes((e, c) => e),
        ["echo"] = () => LambdaHandler.Bytes((e, c) => e),
        ["broken"] = () => throw new InvalidOperationException("no config"),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryInitialize_UnsetHandler_IsHandlerNotFound(string? name)
    {
        Assert.False(LambdaRuntime.TryInitialize(ThreeHandlers(), name, out _, out var error));
        Assert.Equal("Runtime.HandlerNotFound", error.ErrorType);
        Assert.Contains("_HANDLER is not set", error.ErrorMessage);
        Assert.Contains("broken, echo, upper", error.ErrorMessage);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("Echo")]
    public void TryInitialize_UnknownHandler_IsHandlerNotFound(string name)
    {
        Assert.False(LambdaRuntime.TryInitialize(ThreeHandlers(), name, out _, out var error));
        Assert.Equal(RuntimeErrorException.HandlerNotFound, error.ErrorType);
        Assert.Contains($"No handler named '{name}'", error.ErrorMessage);
        Assert.Contains("broken, echo, upper", error.ErrorMessage);
    }

    [Fact]
    public void TryInitialize_KnownHandler_RunsItsFactoryOnce()
    {
        int calls = 0;
        var made = LambdaHandler.Bytes((e, c) => e);
        var registry = new HandlerRegistry { ["echo"] = () => { calls++; return made; }, ["other"] = () => throw new Exception("not me") };

        Assert.True(LambdaRuntime.TryInitialize(registry, "echo", out var handler, out _));
        Assert.Same(made, handler);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void TryInitialize_ThrowingFactory_IsInitErrorWithTheCause()
    {
        Assert.False(LambdaRuntime.TryInitialize(ThreeHandlers(), "broken", out _, out var error));

        Assert.Equal(RuntimeErrorException.InitError, error.ErrorType);
        Assert.Contains("'broken'", error.ErrorMessage);
        Assert.Contains("InvalidOperationException: no config", error.ErrorMessage);
        Assert.NotNull(error.Cause);
        Assert.Equal("InvalidOperationException", error.Cause.ErrorType);
        Assert.Equal("no config", error.Cause.ErrorMessage);
        // The factory's frame is kept. The runtime's frame that called it is [StackTraceHidden]: Native AOT leaves it
        // out (the end-to-end tests check that), while the JIT still shows it as the last frame, where it caught.
        Assert.NotEmpty(error.Cause.StackTrace);
        Assert.Contains("HandlerTests", error.Cause.StackTrace[0]);
        Assert.DoesNotContain(error.Cause.StackTrace.SkipLast(1), f => f.StartsWith("at LambdaBootstrap.Runtime."));

        var json = new ArrayBufferWriter<byte>();
        error.WriteJson(json);
        using var doc = JsonDocument.Parse(json.WrittenMemory);
        Assert.Equal("Runtime.InitError", doc.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("no config", doc.RootElement.GetProperty("cause").GetProperty("errorMessage").GetString());
    }
}
