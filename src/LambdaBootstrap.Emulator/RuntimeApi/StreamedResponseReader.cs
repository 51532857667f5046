using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// Reads a streamed response (<c>Lambda-Runtime-Function-Response-Mode: streaming</c>) into its invocation read by
/// read, so whoever relays it sees each piece as it arrives rather than after the last one.
/// </summary>
internal static class StreamedResponseReader
{
    internal enum Result
    {
        /// <summary>The body ended normally; its trailers, if any, can be read.</summary>
        Ended,
        /// <summary>It went past the limit: what fitted was kept, the rest was not read.</summary>
        TooLarge,
        /// <summary>The invocation was settled meanwhile (timed out, or answered another way).</summary>
        Settled,
        /// <summary>The deadline passed while it was still streaming (<see cref="RuntimeApiOptions.EnforceDeadline"/>).</summary>
        DeadlinePassed,
        /// <summary>The connection went away or the body's framing was broken.</summary>
        Cut,
    }

    private const int BufferBytes = 64 * 1024;

    public static async Task<Result> ReadAsync(HttpContext context, Invocation invocation, long limit, CancellationToken deadline)
    {
        // Lambda lets a stream run far past the buffered limit, and a handler may pause between writes for as long
        // as its timeout allows: Kestrel's body size and minimum data rate would cut such a stream short.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = null;
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = null;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, invocation.Settled, deadline);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        long total = 0;
        try
        {
            while (true)
            {
                int read = await context.Request.Body.ReadAsync(buffer, stop.Token);
                if (read == 0)
                    return Result.Ended;
                if (total + read > limit)
                {
                    invocation.AppendStreamed(buffer.AsSpan(0, (int)(limit - total)));
                    return Result.TooLarge;
                }
                total += read;
                if (!invocation.AppendStreamed(buffer.AsSpan(0, read)))
                    return Result.Settled;
            }
        }
        catch (OperationCanceledException) when (invocation.IsAnswered)
        {
            return Result.Settled;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Result.DeadlinePassed;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            return Result.Cut;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
