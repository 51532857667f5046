using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>Typed: the event is read as <typeparamref name="TIn"/> and the result written as JSON, both through source-generated metadata.</summary>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, TOut> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output) =>
        new JsonHandler<TIn, TOut>((e, c) => new ValueTask<TOut>(handler(e, c)), input, output);

    /// <summary>Typed and asynchronous.</summary>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output) =>
        new JsonHandler<TIn, TOut>((e, c) => new ValueTask<TOut>(handler(e, c)), input, output);

    /// <summary>Typed output for a handler that does not read its event (a schedule, a health check): the event is not parsed.</summary>
    public static LambdaHandler Json<TOut>(Func<ILambdaContext, TOut> handler, JsonTypeInfo<TOut> output) =>
        new JsonHandler<object?, TOut>((_, c) => new ValueTask<TOut>(handler(c)), input: null, output);
}

/// <summary>The typed shape. An event that does not fit <typeparamref name="TIn"/> is a <c>Runtime.SerializationError</c>.</summary>
internal sealed class JsonHandler<TIn, TOut> : LambdaHandler
{
    private readonly Func<TIn, ILambdaContext, ValueTask<TOut>> handler;
    private readonly JsonTypeInfo<TIn>? input;
    private readonly JsonTypeInfo<TOut> output;

    public JsonHandler(Func<TIn, ILambdaContext, ValueTask<TOut>> handler, JsonTypeInfo<TIn>? input, JsonTypeInfo<TOut> output)
    {
        JsonAttributeArrays.EnsureCompiled();
        this.handler = handler;
        this.input = input;
        this.output = output;
    }

    // One writer per thread, reset onto each invocation's buffer; a loop writes synchronously, so this is safe.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Where an idle writer points, so it does not keep a loop's (possibly large) response buffer alive.
    private static readonly ArrayBufferWriter<byte> s_idle = new(1);

    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> buffer)
    {
        TIn request = default!;
        try
        {
            if (input is not null)
                request = JsonSerializer.Deserialize(@event.Span, input)!;
        }
        catch (JsonException e)
        {
            throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                $"The event is not valid JSON for {typeof(TIn).Name}: {e.Message}", e);
        }
        var pending = handler(request, context);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<ReadOnlyMemory<byte>>(Write(pending.Result, buffer))
            : WriteWhenDone(pending, buffer);
    }

    private async ValueTask<ReadOnlyMemory<byte>> WriteWhenDone(ValueTask<TOut> pending, ArrayBufferWriter<byte> buffer) =>
        Write(await pending.ConfigureAwait(false), buffer);

    private ReadOnlyMemory<byte> Write(TOut result, ArrayBufferWriter<byte> buffer)
    {
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            JsonSerializer.Serialize(writer, result, output);
            writer.Flush();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                $"The response could not be written as JSON for {typeof(TOut).Name}: {e.Message}", e);
        }
        finally
        {
            writer.Reset(s_idle);
        }
        return buffer.WrittenMemory;
    }
}
