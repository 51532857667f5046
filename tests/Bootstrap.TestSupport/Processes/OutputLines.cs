using System.Diagnostics;

namespace Bootstrap.TestSupport.Processes;

/// <summary>
/// The lines a child process writes, stdout and stderr apart and together in arrival order, and waits for lines that
/// complete when the line arrives and fail (with the output so far) when the process ends first or patience runs out.
/// </summary>
public sealed class OutputLines
{
    private readonly List<(string Line, bool IsError)> _lines = [];
    private readonly List<Waiter> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private bool _ended;

    /// <summary>Collects the output of <paramref name="process"/>, started with both streams redirected.</summary>
    public static OutputLines Of(Process process)
    {
        var output = new OutputLines();
        process.OutputDataReceived += (_, e) => output.Receive(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => output.Receive(e.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public IReadOnlyList<string> Stdout => Select(isError: false);
    public IReadOnlyList<string> Stderr => Select(isError: true);

    /// <summary>Every line, stdout and stderr as they arrived.</summary>
    public IReadOnlyList<string> All
    {
        get { lock (_lock) return [.. _lines.Select(l => l.Line)]; }
    }

    public string Text => string.Join("\n", All);

    /// <summary>Completes when both streams have reached their end.</summary>
    public Task Closed => Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task);

    /// <summary>Adds a line (null: that stream has ended), for output that comes through a callback.</summary>
    public void Receive(string? line, bool isError)
    {
        if (line is null)
        {
            (isError ? _stderrClosed : _stdoutClosed).TrySetResult();
            if (Closed.IsCompleted)
                End();
            return;
        }
        lock (_lock)
        {
            _lines.Add((line, isError));
            foreach (var waiter in _waiters.ToList())
                waiter.Check(this, _lines);
            _waiters.RemoveAll(w => w.Found.Task.IsCompleted);
        }
    }

    /// <summary>No more lines will come (the process is gone): waits still short of their lines fail.</summary>
    public void End()
    {
        lock (_lock)
        {
            _ended = true;
            foreach (var waiter in _waiters)
                waiter.Fail(this);
            _waiters.Clear();
        }
    }

    /// <summary>The first line (stdout or stderr) that matches, once it has arrived.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? patience = null) =>
        (await WaitForLinesAsync(match, 1, patience))[0];

    /// <summary>The first <paramref name="count"/> lines (stdout or stderr) that match, once they have arrived.</summary>
    public Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan? patience = null, bool stdoutOnly = false)
    {
        var waiter = new Waiter(line => (!stdoutOnly || !line.IsError) && match(line.Line), count);
        lock (_lock)
        {
            waiter.Check(this, _lines);
            if (!waiter.Found.Task.IsCompleted)
            {
                if (_ended)
                    waiter.Fail(this);
                else
                    _waiters.Add(waiter);
            }
        }
        var bound = patience ?? Patience.Default;
        return waiter.Found.Task.WaitAsync(bound).ContinueWith(t => t.IsFaulted && t.Exception!.InnerException is TimeoutException
            ? throw new TimeoutException($"no {count} matching lines within {bound.TotalSeconds} s; output:\n{Text}")
            : t.GetAwaiter().GetResult(), TaskScheduler.Default);
    }

    private IReadOnlyList<string> Select(bool isError)
    {
        lock (_lock)
            return [.. _lines.Where(l => l.IsError == isError).Select(l => l.Line)];
    }

    private sealed class Waiter(Func<(string Line, bool IsError), bool> match, int count)
    {
        public TaskCompletionSource<IReadOnlyList<string>> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Check(OutputLines output, List<(string Line, bool IsError)> lines)
        {
            var found = lines.Where(match).Select(l => l.Line).ToList();
            if (found.Count >= count)
                Found.TrySetResult(found.Take(count).ToList());
        }

        public void Fail(OutputLines output) =>
            Found.TrySetException(new InvalidOperationException($"the process ended before {count} matching lines; output:\n{string.Join("\n", output._lines.Select(l => l.Line))}"));
    }
}
