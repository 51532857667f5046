using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>
    /// A typed handler: the event is read as <typeparamref name="TIn"/> and the result written as JSON, both through
    /// System.Text.Json source-generated metadata (no reflection, so it works under Native AOT).
    /// </summary>
    /// <typeparam name="TIn">The event's type.</typeparam>
    /// <typeparam name="TOut">The response's type.</typeparam>
    /// <param name="handler">Called once per invocation with the parsed event and its context.</param>
    /// <param name="input">The metadata for <typeparamref name="TIn"/>, from a <c>JsonSerializerContext</c>: <c>AppJson.Default.MyEvent</c>.</param>
    /// <param name="output">The metadata for <typeparamref name="TOut"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <remarks>An event that is not valid JSON for <typeparamref name="TIn"/>, or a result that cannot be written, is
    /// reported as <c>Runtime.SerializationError</c>; an exception from <paramref name="handler"/> is reported with its
    /// own type name. Either way the function goes on to the next invocation.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, TOut> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        return new JsonHandler<TIn, TOut>([StackTraceHidden] (e, c) => new ValueTask<TOut>(handler(e, c)), input, output);
    }

    /// <summary>
    /// The asynchronous form of <see cref="Json{TIn, TOut}(Func{TIn, ILambdaContext, TOut}, JsonTypeInfo{TIn}, JsonTypeInfo{TOut})"/>:
    /// the result is written and sent when the task completes.
    /// </summary>
    /// <typeparam name="TIn">The event's type.</typeparam>
    /// <typeparam name="TOut">The response's type.</typeparam>
    /// <param name="handler">Called once per invocation with the parsed event and its context; <see cref="ILambdaContext.CancellationToken"/>
    /// is cancelled at the invocation's deadline.</param>
    /// <param name="input">The metadata for <typeparamref name="TIn"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <param name="output">The metadata for <typeparamref name="TOut"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/>, <paramref name="input"/> or <paramref name="output"/> is null.</exception>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        return new JsonHandler<TIn, TOut>([StackTraceHidden] (e, c) => new ValueTask<TOut>(handler(e, c)), input, output);
    }

    /// <summary>
    /// A typed handler that does not read its event (a schedule, a health check): the event is not parsed at all,
    /// and the result is written as JSON through source-generated metadata.
    /// </summary>
    /// <typeparam name="TOut">The response's type.</typeparam>
    /// <param name="handler">Called once per invocation with its context.</param>
    /// <param name="output">The metadata for <typeparamref name="TOut"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> or <paramref name="output"/> is null.</exception>
    public static LambdaHandler Json<TOut>(Func<ILambdaContext, TOut> handler, JsonTypeInfo<TOut> output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new JsonHandler<object?, TOut>([StackTraceHidden] (_, c) => new ValueTask<TOut>(handler(c)), input: null, output);
    }
}

/// <summary>The typed kind. An event that does not fit <typeparamref name="TIn"/> is a <c>Runtime.SerializationError</c>.</summary>
[StackTraceHidden]
internal sealed class JsonHandler<TIn, TOut> : BufferedHandler
{
    private readonly Func<TIn, ILambdaContext, ValueTask<TOut>> handler;
    private readonly JsonTypeInfo<TIn>? input;
    private readonly JsonTypeInfo<TOut> output;

    public JsonHandler(Func<TIn, ILambdaContext, ValueTask<TOut>> handler, JsonTypeInfo<TIn>? input, JsonTypeInfo<TOut> output)
    {
        ArgumentNullException.ThrowIfNull(output);
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
        // NotSupportedException: System.Text.Json's word for a member type it cannot read.
        catch (Exception e) when (e is JsonException or NotSupportedException)
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
