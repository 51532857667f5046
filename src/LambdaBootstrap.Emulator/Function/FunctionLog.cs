using System.Collections.Concurrent;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// Where a function's lines go: each line is shown, attributed to the running invocation it belongs to, and kept in
/// that invocation's tail log when its caller asked for one (<see cref="InvokeOptions.TailLog"/>).
/// </summary>
internal sealed class FunctionLog
{
    private readonly Action<string, bool> _output;
    // The logs being kept for LogType: Tail, by request id; empty (and free) when no caller asked for one.
    private readonly ConcurrentDictionary<string, InvocationLog> _tails = new();
    // The invocations handed to the function and not yet finished, by request id: whose output a line is.
    private readonly ConcurrentDictionary<string, Invocation> _running = new();

    /// <param name="output">Receives every line to show (line, isStandardError).</param>
    public FunctionLog(Action<string, bool> output) => _output = output;

    /// <summary>Every line shown, with the invocation it belongs to. Raised on the emulator's own threads.</summary>
    public event Action<FunctionLogLine>? LineLogged;

    /// <summary>The invocation is running: its lines are its own from now on, and its START line is shown.</summary>
    public void Begin(Invocation invocation, string functionVersion)
    {
        _running[invocation.RequestId] = invocation;
        if (invocation.Options.TailLog)
            _tails[invocation.RequestId] = new InvocationLog();
        Write(LambdaLogLines.Start(invocation.RequestId, functionVersion), false);
    }

    /// <summary>The invocation has finished (its END and REPORT lines are shown): its tail log, if it asked for one.</summary>
    public InvocationLog? End(string requestId)
    {
        _running.TryRemove(requestId, out _);
        return _tails.TryRemove(requestId, out var log) ? log : null;
    }

    /// <summary>The log kept so far for a running invocation whose caller asked for one (it goes on growing), or null.</summary>
    public InvocationLog? KeptSoFar(string requestId) => _tails.TryGetValue(requestId, out var log) ? log : null;

    /// <summary>
    /// Shows a line, keeps it in the tail log of the invocation it belongs to (when it cannot tell which, in each
    /// one kept), and tells <see cref="LineLogged"/>.
    /// </summary>
    public void Write(string line, bool isError)
    {
        _output(line, isError);
        string? requestId = OwnerOf(line);
        if (!_tails.IsEmpty)
        {
            if (requestId is null)
            {
                foreach (var log in _tails.Values)
                    log.Append(line);
            }
            else if (_tails.TryGetValue(requestId, out var log))
                log.Append(line);
        }
        LineLogged?.Invoke(new FunctionLogLine(line, isError, requestId));
    }

    /// <summary>Shows an emulator's note: not the function's output, in no invocation's log.</summary>
    public void Note(string line, bool isError) => _output(line, isError);

    /// <summary>The running invocation a line belongs to: the one whose request id it names, or else the only one running.</summary>
    private string? OwnerOf(string line)
    {
        string? only = null;
        int count = 0;
        foreach (string requestId in _running.Keys)
        {
            if (line.Contains(requestId, StringComparison.Ordinal))
                return requestId;
            only = requestId;
            count++;
        }
        return count == 1 ? only : null;
    }
}
