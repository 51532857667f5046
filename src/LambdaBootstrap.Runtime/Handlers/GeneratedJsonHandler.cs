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
        return new GeneratedJsonHandler<TIn, TOut>(handler, null);
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
        return new GeneratedJsonHandler<TIn, TOut>(null, handler);
    }
}

/// <summary>The typed kind over generated readers and writers. An event that does not fit is a <c>Runtime.SerializationError</c>.</summary>
/// <remarks>One of the two handlers is set. The synchronous one is called directly, not through a <c>ValueTask&lt;TOut&gt;</c>:
/// for a reference type, that instantiation's <c>Equals</c> reaches <c>EqualityComparer&lt;T&gt;</c> built at run time, which
/// keeps .NET's type loader in the binary.</remarks>
[StackTraceHidden]
internal sealed class GeneratedJsonHandler<TIn, TOut>(Func<TIn, ILambdaContext, TOut>? handler, Func<TIn, ILambdaContext, Task<TOut>>? asyncHandler) : BufferedHandler
    where TIn : ILambdaJson<TIn>
    where TOut : ILambdaJson<TOut>
{
    // One writer per thread, reset onto each invocation's buffer; a loop writes synchronously, so this is safe.
    [ThreadStatic]
    private static LambdaJsonWriter? t_writer;

    // Where an idle writer points, so it does not keep a loop's (possibly large) response buffer alive.
    private static readonly ArrayBufferWriter<byte> s_idle = new(1);

    internal override ValueTask<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> @event, ILambdaContext context, ArrayBufferWriter<byte> buffer)
    {
        TIn request;
        try
        {
            request = LambdaJsonSerializer.Deserialize<TIn>(@event.Span)!;
        }
        catch (JsonException e)
        {
            throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                $"The event is not valid JSON for {typeof(TIn).Name}: {e.Message}", e);
        }
        if (handler is not null)
            return new ValueTask<ReadOnlyMemory<byte>>(Write(handler(request, context), buffer));
        var pending = asyncHandler!(request, context);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<ReadOnlyMemory<byte>>(Write(pending.Result, buffer))
            : WriteWhenDone(pending, buffer);
    }

    private static async ValueTask<ReadOnlyMemory<byte>> WriteWhenDone(Task<TOut> pending, ArrayBufferWriter<byte> buffer) =>
        Write(await pending.ConfigureAwait(false), buffer);

    private static ReadOnlyMemory<byte> Write(TOut result, ArrayBufferWriter<byte> buffer)
    {
        var writer = t_writer ??= new LambdaJsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            LambdaJsonSerializer.Serialize(writer, result);
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
