using Bootstrap.Bench.Results;
using Bootstrap.Bench.RuntimeApi;

namespace Bootstrap.Bench;

/// <summary>
/// A live bootstrap serving warm invocations. The runner keeps one per variant alive at once and takes turns,
/// so noise from the rest of the machine falls on every variant alike.
/// </summary>
public sealed class WarmSession : IDisposable
{
    private readonly VariantRunner _runner;
    private readonly ChildProcess _child;
    private readonly RuntimeApiConnection _connection;
    private readonly double[] _roundTrips;
    private int _count;

    internal WarmSession(VariantRunner runner, ChildProcess child, RuntimeApiConnection connection, int invocations)
    {
        _runner = runner;
        _child = child;
        _connection = connection;
        _roundTrips = new double[invocations];
    }

    public Variant Variant => _runner.Variant;

    /// <summary>One invocation; recorded as a warm round trip unless <paramref name="record"/> is false (the cold first one).</summary>
    public void RoundTrip(bool record = true)
    {
        try
        {
            double microseconds = _runner.RoundTrip(_connection);
            if (record)
                _roundTrips[_count++] = microseconds;
        }
        catch (BenchException e)
        {
            throw _runner.Failure(e, _child);
        }
    }

    /// <summary>Reads the process's peak RSS and faults while it waits on <c>/next</c>, then ends it.</summary>
    public WarmRunSample Finish(TimeSpan timeout)
    {
        var snapshot = _child.Snapshot();
        _child.Kill(timeout);
        return new WarmRunSample(_roundTrips[.._count], snapshot.PeakRssKb, snapshot.MinorFaults, snapshot.MajorFaults);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _child.Dispose();
    }
}
