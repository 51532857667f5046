using Bootstrap.Bench.RuntimeApi;

namespace Bootstrap.Bench;

/// <summary>
/// A live bootstrap process with one or more invocation loops, each on its own connection, every one waiting on
/// <c>/next</c>. Round trips run on all connections at once, one thread of the bench's own per connection.
/// </summary>
public sealed class InvocationLoops : IDisposable
{
    private readonly VariantRunner _runner;
    private readonly List<RuntimeApiConnection> _connections;

    internal InvocationLoops(VariantRunner runner, ChildProcess child, List<RuntimeApiConnection> connections)
    {
        _runner = runner;
        Child = child;
        _connections = connections;
    }

    public ChildProcess Child { get; }

    public int Count => _connections.Count;

    /// <summary><paramref name="each"/> invocations on every connection; the first failure ends the run.</summary>
    public void RoundTrips(int each)
    {
        BenchException? failure = null;
        void Run(RuntimeApiConnection connection)
        {
            try
            {
                for (int i = 0; i < each; i++)
                    _runner.RoundTrip(connection);
            }
            catch (BenchException e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        if (_connections.Count == 1)
        {
            Run(_connections[0]);
        }
        else
        {
            var threads = _connections.Select(connection => new Thread(() => Run(connection))).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        if (failure is not null)
            throw _runner.Failure(failure, Child);
    }

    public void Dispose()
    {
        // The process first: a loop whose connection closed under it would reconnect.
        Child.Dispose();
        foreach (var connection in _connections)
            connection.Dispose();
    }
}
