using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// One extension's subscription to the Telemetry API: the events of the streams it chose, batched as it asked (a
/// batch goes when it holds <c>maxItems</c> events or <c>maxBytes</c> bytes, or <c>timeoutMs</c> after its first
/// event) and POSTed to its listener as a JSON array.
/// </summary>
internal sealed class TelemetrySubscription : IAsyncDisposable
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<string> _note;
    private readonly Task _sender;
    // Flushes under way: while there is one, a batch goes as soon as the queue is empty.
    private int _flushing;
    // The window of the batch being gathered; a flush cancels it to send the batch at once.
    private CancellationTokenSource? _window;
    private int _inFlight;
    private TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TelemetrySubscription(string extensionName, Uri destination, IReadOnlyList<string> types, TelemetryBuffering buffering, Action<string> note)
    {
        ExtensionName = extensionName;
        Destination = destination;
        Types = types;
        Buffering = buffering;
        _note = note;
        _sender = Task.Run(SendLoopAsync);
    }

    public string ExtensionName { get; }
    public Uri Destination { get; }
    /// <summary>The streams: <c>platform</c>, <c>function</c>, <c>extension</c>.</summary>
    public IReadOnlyList<string> Types { get; }
    public TelemetryBuffering Buffering { get; }

    public void Add(string eventJson) => _queue.Writer.TryWrite(eventJson);

    /// <summary>Sends what is buffered now, and waits (up to <paramref name="patience"/>) until it is delivered.</summary>
    public async Task FlushAsync(TimeSpan patience)
    {
        Interlocked.Increment(ref _flushing);
        try
        {
            CancelWindow();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var sent = Volatile.Read(ref _sent).Task;
                if (_queue.Reader.Count == 0 && Volatile.Read(ref _inFlight) == 0)
                    return;
                var left = patience - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                    return;
                await sent.WaitAsync(left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _flushing);
        }
    }

    private void CancelWindow()
    {
        try
        {
            Volatile.Read(ref _window)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That batch has gone already.
        }
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<string>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                Interlocked.Increment(ref _inFlight);
                long bytes = 0;
                using (var window = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    window.CancelAfter(Buffering.TimeoutMs);
                    Volatile.Write(ref _window, window);
                    while (batch.Count < Buffering.MaxItems && bytes < Buffering.MaxBytes)
                    {
                        if (_queue.Reader.TryRead(out string? item))
                        {
                            batch.Add(item);
                            bytes += Encoding.UTF8.GetByteCount(item);
                            continue;
                        }
                        if (Volatile.Read(ref _flushing) > 0)
                            break;
                        try
                        {
                            await _queue.Reader.WaitToReadAsync(window.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                    Volatile.Write(ref _window, null);
                }
                await SendAsync(batch);
                batch.Clear();
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Exchange(ref _sent, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(List<string> batch)
    {
        string body = "[" + string.Join(",", batch) + "]";
        // The listener may still be starting: a few tries, a little apart, then the batch is dropped.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await s_http.PostAsync(Destination, content, _stop.Token);
                return;
            }
            catch (HttpRequestException e) when (attempt < 4)
            {
                _ = e;
                await Task.Delay(50 * attempt, _stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                _note($"emulator: telemetry: {batch.Count} events for extension {ExtensionName} not delivered to {Destination}: {e.Message}");
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}

/// <summary>A subscription's buffering: <c>maxItems</c>, <c>maxBytes</c>, <c>timeoutMs</c>, with Lambda's defaults and limits.</summary>
internal sealed record TelemetryBuffering(int MaxItems = 1000, int MaxBytes = 262144, int TimeoutMs = 1000)
{
    public const int MinItems = 1000, MaxItemsLimit = 10000, MinBytes = 262144, MaxBytesLimit = 1048576, MinTimeoutMs = 25, MaxTimeoutMs = 30000;

    /// <summary>Why the values are out of Lambda's ranges, or null.</summary>
    public string? Problem =>
        MaxItems is < MinItems or > MaxItemsLimit ? $"buffering.maxItems must be from {MinItems} to {MaxItemsLimit}"
        : MaxBytes is < MinBytes or > MaxBytesLimit ? $"buffering.maxBytes must be from {MinBytes} to {MaxBytesLimit}"
        : TimeoutMs is < MinTimeoutMs or > MaxTimeoutMs ? $"buffering.timeoutMs must be from {MinTimeoutMs} to {MaxTimeoutMs}"
        : null;
}
