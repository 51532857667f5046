using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime.Handlers;

public abstract partial class LambdaHandler
{
    /// <summary>
    /// A typed handler for <c>[LambdaJson]</c> types: the event is read and the result written by the code the runtime's
    /// source generator wrote for them, with no System.Text.Json serializer metadata (the smallest and fastest typed path).
    /// </summary>
    /// <typeparam name="TIn">The event's type, marked <c>[LambdaJson]</c>.</typeparam>
    /// <typeparam name="TOut">The response's type, marked <c>[LambdaJson]</c>.</typeparam>
    /// <param name="handler">Called once per invocation with the parsed event and its context.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <remarks>An event that is not valid JSON for <typeparamref name="TIn"/>, or a result that cannot be written, is
    /// reported as <c>Runtime.SerializationError</c>; an exception from <paramref name="handler"/> with its own type name.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, TOut> handler)
        where TIn : ILambdaJson<TIn>
        where TOut : ILambdaJson<TOut>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new GeneratedJsonHandler<TIn, TOut>([StackTraceHidden] (e, c) => new ValueTask<TOut>(handler(e, c)), readsEvent: true);
    }

    /// <summary>The asynchronous form of <see cref="Json{TIn, TOut}(Func{TIn, ILambdaContext, TOut})"/>.</summary>
    /// <typeparam name="TIn">The event's type, marked <c>[LambdaJson]</c>.</typeparam>
    /// <typeparam name="TOut">The response's type, marked <c>[LambdaJson]</c>.</typeparam>
    /// <param name="handler">Called once per invocation; <see cref="ILambdaContext.CancellationToken"/> is cancelled at the deadline.</param>
    /// <returns>The handler, to return from a <see cref="HandlerRegistry"/> factory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public static LambdaHandler Json<TIn, TOut>(Func<TIn, ILambdaContext, Task<TOut>> handler)
        where TIn : ILambdaJson<TIn>
        where TOut : ILambdaJson<TOut>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new GeneratedJsonHandler<TIn, TOut>([StackTraceHidden] (e, c) => new ValueTask<TOut>(handler(e, c)), readsEvent: true);
    }
}

/// <summary>The typed kind over generated readers and writers. An event that does not fit is a <c>Runtime.SerializationError</c>.</summary>
[StackTraceHidden]
internal sealed class GeneratedJsonHandler<TIn, TOut>(Func<TIn, ILambdaContext, ValueTask<TOut>> handler, bool readsEvent) : BufferedHandler
    where TIn : ILambdaJson<TIn>
    where TOut : ILambdaJson<TOut>
{
    // One writer per thread, reset onto each invocation's buffer; a loop writes synchronously, so this is safe.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Where an idle writer points, so it does not keep a loop's (possibly large) response buffer alive.
    private static readonly ArrayBufferWriter<byte> s_idle = new(1);

    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> buffer)
    {
        TIn request = default!;
        if (readsEvent)
        {
            try
            {
                request = LambdaJsonSerializer.Deserialize<TIn>(@event.Span)!;
            }
            catch (JsonException e)
            {
                throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                    $"The event is not valid JSON for {typeof(TIn).Name}: {e.Message}", e);
            }
        }
        var pending = handler(request, context);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<ReadOnlyMemory<byte>>(Write(pending.Result, buffer))
            : WriteWhenDone(pending, buffer);
    }

    private static async ValueTask<ReadOnlyMemory<byte>> WriteWhenDone(ValueTask<TOut> pending, ArrayBufferWriter<byte> buffer) =>
        Write(await pending.ConfigureAwait(false), buffer);

    private static ReadOnlyMemory<byte> Write(TOut result, ArrayBufferWriter<byte> buffer)
    {
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = LambdaJsonSerializer.MaxDepth });
        writer.Reset(buffer);
        try
        {
            LambdaJsonSerializer.Serialize(writer, result);
            writer.Flush();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
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
