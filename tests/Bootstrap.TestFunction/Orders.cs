using System.Runtime.CompilerServices;

// A user's namespace that begins with the runtime's own: its frames must still reach error reports whole.
namespace LambdaBootstrap.Runtime.UserCode;

/// <summary>Handlers that fail a frame deep, synchronously and after an await.</summary>
public static class Orders
{
    // Not tail calls, so that both frames are on the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ReadOnlyMemory<byte> Place(ReadOnlyMemory<byte> @event, ILambdaContext context)
    {
        Validate(@event);
        return @event;
    }

    public static async Task<ReadOnlyMemory<byte>> PlaceLater(ReadOnlyMemory<byte> @event, ILambdaContext context)
    {
        await Task.Yield();
        Validate(@event);
        return @event;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Validate(ReadOnlyMemory<byte> @event)
    {
        if (@event.Length < 1024)
            throw new InvalidOperationException($"order rejected: {@event.Length} bytes");
    }
}
