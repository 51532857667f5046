using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// A function's queue of asynchronous invokes, run as Lambda runs them: in the order they arrive, each retried up to
/// <see cref="EventInvokeConfig.MaximumRetryAttempts"/> times with the same request id and payload when the function
/// errors, times out or crashes (after <see cref="EventInvokeConfig.RetryDelay"/>, then twice that), discarded once
/// older than <see cref="EventInvokeConfig.MaximumEventAge"/>; then its record goes to the on-success or on-failure
/// destination, and a discarded event to the dead-letter queue. Each step is a line in the function's log.
/// </summary>
internal sealed class AsyncInvokeQueue : IAsyncDisposable
{
    /// <summary>Ended events kept for the console.</summary>
    public const int Kept = 100;

    private readonly LocalFunction _function;
    private readonly EventInvokeConfig _config;
    private readonly Action<string, bool> _log;
    private readonly TimeProvider _time;
    private readonly Channel<AsyncEvent> _queue = Channel.CreateUnbounded<AsyncEvent>();
    private readonly ConcurrentQueue<AsyncEvent> _recent = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    public AsyncInvokeQueue(LocalFunction function, EventInvokeConfig config, Action<string, bool> log)
    {
        _function = function;
        _config = config;
        _log = log;
        _time = function.Options.Api.TimeProvider;
        _worker = Task.Run(RunAsync);
    }

    public EventInvokeConfig Config => _config;

    /// <summary>Where records and dead-lettered events go; set once every function is up.</summary>
    public Destinations? Destinations { get; set; }

    /// <summary>The latest events, queued, running or ended, oldest first.</summary>
    public IReadOnlyList<AsyncEvent> Recent => [.. _recent];

    /// <summary>Raised when an event has been attempted or has ended. A handler must be quick and must not throw.</summary>
    public event Action<AsyncEvent>? Changed;

    /// <summary>Queues an event and gives its request id at once, as Lambda's 202 does.</summary>
    public string Enqueue(byte[] payload, InvokeOptions options)
    {
        var asyncEvent = new AsyncEvent(options.RequestId ?? TraceIds.NewRequestId(), payload, options with { TailLog = false }, _time.GetUtcNow());
        _recent.Enqueue(asyncEvent);
        while (_recent.Count > Kept && _recent.TryPeek(out var oldest) && oldest.Condition != AsyncCondition.Pending)
            _recent.TryDequeue(out _);
        _queue.Writer.TryWrite(asyncEvent);
        return asyncEvent.RequestId;
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var asyncEvent in _queue.Reader.ReadAllAsync(_stop.Token))
                await AttemptAsync(asyncEvent);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AttemptAsync(AsyncEvent asyncEvent)
    {
        var now = _time.GetUtcNow();
        if (now - asyncEvent.ReceivedAt > _config.MaximumEventAge)
        {
            End(asyncEvent, AsyncCondition.EventAgeExceeded);
            return;
        }
        int attempt = asyncEvent.Attempts.Count + 1;
        int allowed = _config.MaximumRetryAttempts + 1;
        _log($"emulator: async RequestId: {asyncEvent.RequestId} attempt {attempt} of {allowed}", false);
        InvokeResult result;
        try
        {
            result = await _function.StartInvoke(asyncEvent.Payload, asyncEvent.Options with { RequestId = asyncEvent.RequestId }).Result.WaitAsync(_stop.Token);
        }
        catch (QueueFullException)
        {
            // A throttle is no attempt: Lambda puts the event back and tries again later.
            Later(asyncEvent, _config.RetryDelay);
            _log($"emulator: async RequestId: {asyncEvent.RequestId} throttled; trying again in {Seconds(_config.RetryDelay)}", true);
            return;
        }
        catch (Exception e) when (_stop.IsCancellationRequested || e is Hosting.EmulatorException)
        {
            return; // shutting down
        }
        catch (Exception e)
        {
            // The emulator could not run it at all: said once, and the queue goes on with the next event.
            _log($"emulator: async RequestId: {asyncEvent.RequestId} could not run: {e.GetBaseException().Message}", true);
            return;
        }
        asyncEvent.Attempted(now, result);
        Changed?.Invoke(asyncEvent);
        if (!result.Outcome.IsError)
        {
            End(asyncEvent, AsyncCondition.Success);
            return;
        }
        if (attempt >= allowed)
        {
            End(asyncEvent, AsyncCondition.RetriesExhausted);
            return;
        }
        var delay = _config.DelayBefore(attempt);
        Later(asyncEvent, delay); // armed before it is said, so whoever reads the line may move the clock on
        _log($"emulator: async RequestId: {asyncEvent.RequestId} attempt {attempt} failed ({result.Outcome.ErrorType}); retry {attempt} in {Seconds(delay)}", true);
    }

    /// <summary>Puts the event back at the end of the queue after <paramref name="delay"/>, on the function's clock.</summary>
    private void Later(AsyncEvent asyncEvent, TimeSpan delay) =>
        _ = Task.Delay(delay, _time, _stop.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled)
                _queue.Writer.TryWrite(asyncEvent);
        }, TaskScheduler.Default);

    private void End(AsyncEvent asyncEvent, AsyncCondition condition)
    {
        asyncEvent.End(condition);
        var api = _function.Options.Api;
        bool success = condition == AsyncCondition.Success;
        string ending = success
            ? $"succeeded on attempt {asyncEvent.Attempts.Count}"
            : condition == AsyncCondition.RetriesExhausted
                ? $"failed {asyncEvent.Attempts.Count} attempts (RetriesExhausted)"
                : $"discarded after {asyncEvent.Attempts.Count} attempts: older than {Seconds(_config.MaximumEventAge)} (EventAgeExceeded)";
        _log($"emulator: async RequestId: {asyncEvent.RequestId} {ending}", !success);

        string? destination = success ? _config.OnSuccess : _config.OnFailure;
        if (destination is not null)
        {
            byte[] record = InvocationRecord.Write(asyncEvent, api.FunctionArn, asyncEvent.Options.Qualifier ?? api.FunctionVersion, _time.GetUtcNow());
            Deliver(asyncEvent, success ? "on-success record" : "on-failure record", destination,
                Destinations?.SendRecord(destination, record, asyncEvent, api.FunctionArn, api.FunctionName));
        }
        if (!success && _config.DeadLetterQueue is { } deadLetterQueue)
            Deliver(asyncEvent, "event", deadLetterQueue, Destinations?.SendDeadLetter(deadLetterQueue, asyncEvent));
        Changed?.Invoke(asyncEvent);
    }

    private void Deliver(AsyncEvent asyncEvent, string what, string arn, string? problem)
    {
        if (Destinations is not null && problem is null)
        {
            asyncEvent.Delivered(arn);
            _log($"emulator: async RequestId: {asyncEvent.RequestId} {what} sent to {arn}", false);
        }
        else
            _log($"emulator: async RequestId: {asyncEvent.RequestId} {what} not sent to {arn}: {problem ?? "no destinations here"}", true);
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
