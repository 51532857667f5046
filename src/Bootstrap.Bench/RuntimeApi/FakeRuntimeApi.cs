using System.Net;
using System.Net.Sockets;

namespace Bootstrap.Bench.RuntimeApi;

/// <summary>
/// The lean Runtime API the bench measures against: one listening socket on 127.0.0.1, and one blocking
/// connection per bootstrap served from the bench's own thread, so there is no scheduler hop and no web
/// framework between a bootstrap and the clock. Separate from the tests' scripted Runtime API on purpose: that one
/// records, scripts and signals every request, which is timing the bench must not pay.
/// </summary>
public sealed class FakeRuntimeApi : IDisposable
{
    private readonly Socket _listener;

    public FakeRuntimeApi()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";
    }

    /// <summary>host:port, for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    /// <summary>
    /// Waits for the child's connection. Fails at once if the child exits first, and after
    /// <paramref name="timeout"/> if it neither connects nor exits.
    /// </summary>
    public RuntimeApiConnection Accept(ChildProcess child, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_listener.Poll(10_000, SelectMode.SelectRead))
        {
            if (child.HasExited)
                throw new BenchException($"the bootstrap {child.ExitDescription} before connecting to the Runtime API");
            if (waited.Elapsed > timeout)
                throw new BenchException($"the bootstrap did not connect to the Runtime API within {timeout.TotalSeconds:0.#} s");
        }
        return new RuntimeApiConnection(_listener.Accept(), timeout);
    }

    /// <summary>Closes connections nobody accepted (a bootstrap that opened a second one), so the next run starts clean.</summary>
    public void DropPending()
    {
        while (_listener.Poll(0, SelectMode.SelectRead))
            _listener.Accept().Dispose();
    }

    public void Dispose() => _listener.Dispose();
}
