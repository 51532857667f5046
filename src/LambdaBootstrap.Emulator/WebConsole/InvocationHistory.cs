using System.Text;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The invocations of this run, newest last, for the console's history, chart, re-run and diff: the last
/// <see cref="Capacity"/>, each event and response cut at <see cref="MaxTextBytes"/>.
/// </summary>
internal sealed class InvocationHistory
{
    public const int Capacity = 200;
    public const int MaxTextBytes = 64 * 1024;

    private readonly Lock _lock = new();
    private readonly Queue<HistoryEntry> _entries = new();
    private int _seq;

    /// <summary>Records a finished invocation of <paramref name="function"/> and gives its entry.</summary>
    public HistoryEntry Add(string function, Invocation invocation, InvokeResult result)
    {
        var (eventText, eventCut) = Text(invocation.Payload);
        var (response, responseCut) = Text(result.Outcome.Body);
        lock (_lock)
        {
            var entry = new HistoryEntry(
                ++_seq, function, result.RequestId, DateTimeOffset.UtcNow,
                eventText, eventCut, invocation.Options.ClientContext,
                response, responseCut, result.Outcome.IsError ? result.Outcome.ErrorType ?? "Unhandled" : null,
                invocation.IsStreamed, [.. invocation.StreamedChunks.Select(c => Math.Round(c.SinceFirstByte.TotalMilliseconds, 2))],
                Math.Round(result.DurationMs, 2), result.BilledDurationMs,
                result.InitDurationMs is double init ? Math.Round(init, 2) : null,
                result.MemorySizeMb, result.MaxMemoryUsedMb, result.EmulatedBy,
                result.PostRuntimeExtensionsMs is double post ? Math.Round(post, 2) : null);
            _entries.Enqueue(entry);
            if (_entries.Count > Capacity)
                _entries.Dequeue();
            return entry;
        }
    }

    public IReadOnlyList<HistoryEntry> Snapshot()
    {
        lock (_lock)
            return _entries.ToArray();
    }

    private static (string Text, bool Cut) Text(byte[] bytes) =>
        bytes.Length <= MaxTextBytes ? (Encoding.UTF8.GetString(bytes), false) : (Encoding.UTF8.GetString(bytes, 0, MaxTextBytes), true);
}
