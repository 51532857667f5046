using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.XRay;

/// <summary>
/// Lambda's X-Ray side for one function: a trace opened for each sampled invocation when <c>/next</c> hands it out,
/// the documents the function sends to its <see cref="XRayDaemon"/> put in the trace they belong to (by
/// <c>trace_id</c>, then by <c>parent_id</c>), and the trace closed when the invocation ends. Unsampled invocations
/// (a caller's header with <c>Sampled=0</c>, or none) are not traced. The last <see cref="Kept"/> traces are kept.
/// </summary>
internal sealed class FunctionTraces : IAsyncDisposable
{
    public const int Kept = 1000;

    private readonly XRayDaemon _daemon;
    private readonly LocalFunction _function;
    private readonly ConcurrentDictionary<string, InvocationTrace> _byRequestId = new();
    private readonly ConcurrentQueue<InvocationTrace> _order = new();
    private readonly ConcurrentDictionary<Task, bool> _closing = new();
    private int _unmatched;

    public FunctionTraces(XRayDaemon daemon, LocalFunction function)
    {
        _daemon = daemon;
        _function = function;
        daemon.DocumentReceived += OnDocument;
        function.Api.InvocationStarted += Open;
        function.InvocationFinished += (invocation, result) =>
        {
            var closing = CloseAsync(invocation, result);
            _closing[closing] = true;
            closing.ContinueWith(done => _closing.TryRemove(done, out _), TaskScheduler.Default);
        };
    }

    public XRayDaemon Daemon => _daemon;
    /// <summary>Documents received that no kept trace has the trace id of.</summary>
    public int Unmatched => Volatile.Read(ref _unmatched);

    /// <summary>Each trace once its invocation has ended, with every document the function sent before its reply.</summary>
    public event Action<InvocationTrace>? Recorded;

    /// <summary>The trace of an invocation, while it is kept; null for an unsampled or forgotten one.</summary>
    public InvocationTrace? Find(string requestId) => _byRequestId.GetValueOrDefault(requestId);

    private void Open(Invocation invocation)
    {
        if (TraceHeader.Parse(invocation.TraceId) is not { Sampled: true } header || invocation.StartedAt is not { } startedAt)
            return;
        var options = _function.Options.Api;
        var trace = new InvocationTrace(options.FunctionName, options.FunctionArn, invocation.RequestId, header, startedAt);
        _byRequestId[invocation.RequestId] = trace;
        _order.Enqueue(trace);
        while (_order.Count > Kept && _order.TryDequeue(out var oldest))
            _byRequestId.TryRemove(oldest.RequestId, out _);
    }

    private void OnDocument(JsonObject document)
    {
        string? traceId = document["trace_id"] is JsonValue t && t.TryGetValue(out string? text) ? text : null;
        string? parentId = document["parent_id"] is JsonValue p && p.TryGetValue(out string? parent) ? parent : null;
        var candidates = _byRequestId.Values.Where(trace => trace.TraceId == traceId).ToList();
        // Two invocations may share a trace (a caller's header sent twice): the parent tells them apart.
        var trace = candidates.FirstOrDefault(c => parentId is not null && c.Holds(parentId)) ?? candidates.MaxBy(c => c.InvocationStart);
        if (trace is null)
            Interlocked.Increment(ref _unmatched);
        else
            trace.Add(document);
    }

    private async Task CloseAsync(Invocation invocation, InvokeResult result)
    {
        if (Find(invocation.RequestId) is not { } trace)
            return;
        var time = _function.Options.Api.TimeProvider;
        var end = time.GetUtcNow();
        // What the function sent before it replied is in the socket by now: take it in before the trace is whole.
        await _daemon.CatchUpAsync();
        DateTimeOffset? spawnedAt = result.InitDurationMs is double init ? trace.InvocationStart - TimeSpan.FromMilliseconds(init) : null;
        var outcome = result.Outcome;
        trace.Close(spawnedAt, trace.InvocationStart + TimeSpan.FromMilliseconds(result.DurationMs), end,
            outcome.IsError ? (outcome.ErrorType ?? "Unhandled", outcome.ErrorMessage) : null,
            outcome.XRayErrorCause is { } cause && XRayErrorCauseFormat.TryDescribe(cause, out _) ? cause : null);
        Recorded?.Invoke(trace);
    }

    /// <summary>Waits for the traces still closing (so each is <see cref="Recorded"/>), then stops the daemon.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_closing.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _daemon.DocumentReceived -= OnDocument;
        await _daemon.DisposeAsync();
    }
}
