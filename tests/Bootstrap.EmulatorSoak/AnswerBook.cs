using System.Collections.Concurrent;

namespace Bootstrap.EmulatorSoak;

/// <summary>
/// Every request sent, by its id, with the answers it got: a request counts as answered once when exactly one
/// answer names it. Keeps a few examples of what went wrong, for the report.
/// </summary>
public sealed class AnswerBook
{
    private readonly ConcurrentDictionary<string, int> _answersById = new();
    private readonly ConcurrentDictionary<Answer, int> _byKind = new();
    private readonly ConcurrentQueue<string> _examples = new();

    public int Sent => _answersById.Count;
    public int AnsweredOnce => _answersById.Values.Count(n => n == 1);
    public int AnsweredTwice => _answersById.Values.Count(n => n > 1);
    public int Count(Answer kind) => _byKind.GetValueOrDefault(kind);
    /// <summary>Answers that ran the function (and so must have a REPORT line): all but 429s and failures to answer.</summary>
    public int Invocations => Count(Answer.Echoed) + Count(Answer.ExitError) + Count(Answer.TimedOut) + Count(Answer.Wrong);
    public IReadOnlyList<string> Examples => _examples.ToArray();

    public void MarkSent(string id) => _answersById.TryAdd(id, 0);

    /// <summary>Records an answer for the request <paramref name="id"/> (for an echo: the id the echoed body names).</summary>
    public void Record(string id, Answer kind, string? why = null)
    {
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (kind != Answer.Unanswered)
            _answersById.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (why is not null && _examples.Count < 5)
            _examples.Enqueue($"{id}: {kind}: {why}");
    }
}
