using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The console's live updates as Server-Sent Events: every open page gets every frame published after it
/// connected (log lines, finished invocations, function states), in order. A page that falls more than
/// <see cref="Backlog"/> frames behind loses the oldest and is told how many.
/// </summary>
internal sealed class LiveFeed
{
    public const int Backlog = 10_000;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<Subscriber> _subscribers = [];

    /// <summary>Whether a page is listening.</summary>
    public bool HasSubscribers
    {
        get { lock (_lock) return _subscribers.Count > 0; }
    }

    /// <summary>Sends one event to every open page: <paramref name="json"/> is a single line of JSON.</summary>
    public void Publish(string eventName, string json)
    {
        string frame = $"event: {eventName}\ndata: {json}\n\n";
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
                subscriber.Frames.Writer.TryWrite(frame);
        }
    }

    /// <summary>Serves one page's <c>EventSource</c> until it goes away or <paramref name="stopping"/> fires.</summary>
    public async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        var subscriber = new Subscriber();
        lock (_lock)
            _subscribers.Add(subscriber);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        try
        {
            await WriteAsync(response, ": live\n\n", ended.Token);
            var reader = subscriber.Frames.Reader;
            Task<bool>? waiting = null;
            Task? heartbeat = null;
            while (true)
            {
                waiting ??= reader.WaitToReadAsync(ended.Token).AsTask();
                heartbeat ??= Task.Delay(Heartbeat, ended.Token);
                if (await Task.WhenAny(waiting, heartbeat) == heartbeat)
                {
                    ended.Token.ThrowIfCancellationRequested();
                    heartbeat = null;
                    await WriteAsync(response, ": heartbeat\n\n", ended.Token);
                    continue;
                }
                if (!await waiting)
                    break;
                waiting = null;
                var batch = new StringBuilder();
                while (reader.TryRead(out string? frame))
                    batch.Append(frame);
                if (Interlocked.Exchange(ref subscriber.Dropped, 0) is int dropped and > 0)
                    batch.Append($"event: dropped\ndata: {dropped}\n\n");
                await WriteAsync(response, batch.ToString(), ended.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the emulator is stopping.
        }
        finally
        {
            lock (_lock)
                _subscribers.Remove(subscriber);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private sealed class Subscriber
    {
        public int Dropped;

        public Subscriber() =>
            Frames = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest },
                _ => Interlocked.Increment(ref Dropped));

        public Channel<string> Frames { get; }
    }
}
