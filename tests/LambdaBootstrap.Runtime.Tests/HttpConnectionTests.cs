using System.Diagnostics;
using System.Reflection;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bootstrap.TestSupport.RawHttp;
using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpConnectionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new(Timeout);
    private readonly List<TcpClient> _accepted = [];
    private readonly Dictionary<Stream, RawHttpReader> _readers = [];

    public HttpConnectionTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _cts.Cancel();
        foreach (var client in _accepted)
            client.Dispose();
        _listener.Stop();
        _cts.Dispose();
    }

    /// <summary>A port nothing listens on (just freed by a listener of our own).</summary>
    private static int UnusedPort(IPAddress loopback)
    {
        var probe = new TcpListener(loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private HttpConnection Connect(string host = "127.0.0.1") =>
        new(new RuntimeApiEndpoint(host, Port), "test-agent/1.0", TimeSpan.FromSeconds(2));

    private async Task<NetworkStream> AcceptAsync()
    {
        var client = await _listener.AcceptTcpClientAsync(_cts.Token);
        _accepted.Add(client);
        return client.GetStream();
    }

    /// <summary>Reads one request off <paramref name="stream"/>, as the text that came over the wire; null if the client closed first.</summary>
    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        if (!_readers.TryGetValue(stream, out var reader))
            _readers[stream] = reader = new RawHttpReader(stream);
        return await reader.ReadRequestAsync(_cts.Token) is { } request ? Encoding.UTF8.GetString(request.Wire) : null;
    }

    private Task<T> Client<T>(Func<T> work) => Task.Run(work).WaitAsync(Timeout);

    /// <summary>
    /// Waits until the client's socket has the server's FIN: a request that cannot be resent checks for it before it
    /// goes out. Loopback delivers it at once, but "at once" is not an event.
    /// </summary>
    private static async Task UntilClientSeesCloseAsync(HttpConnection connection)
    {
        var stream = (RuntimeApiSocket)typeof(HttpConnection).GetField("_stream", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(connection)!;
        var patience = Stopwatch.StartNew();
        while (!stream.PeerHasClosed())
        {
            Assert.True(patience.Elapsed < Timeout, "the client never saw the server's FIN");
            await Task.Yield();
        }
    }

    /// <summary>
    /// A new connection's GET is the first request the server sees next: nothing was resent, or reopened, before it.
    /// </summary>
    private async Task AssertAFreshConnectionIsServedFirstAsync()
    {
        var after = FirstRequestOnNextConnectionAsync();
        using var fresh = Connect();
        Assert.Equal((200, ""), await Client(() => Get(fresh, "/after")));
        Assert.StartsWith("GET /after ", await after.WaitAsync(Timeout));
    }

    /// <summary>
    /// Accepts the next connection and reads its first request, answering it. After a failed exchange, the next request
    /// must be the first thing on the next connection: that shows nothing was resent, or reopened, in between.
    /// </summary>
    private async Task<string?> FirstRequestOnNextConnectionAsync()
    {
        var stream = await AcceptAsync();
        string? request = await ReadRequestAsync(stream);
        await stream.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), _cts.Token);
        return request;
    }

    private static (int Status, string Body) Get(HttpConnection connection, string path, RecordingSink? sink = null)
    {
        connection.Request.Start("GET"u8, Encoding.ASCII.GetBytes(path)).EndHead(null);
        var head = connection.Exchange(default, sink ?? new RecordingSink());
        return (head.StatusCode, Text(connection.ReadBody(head).Span));
    }

    private static (int Status, string Body) Post(HttpConnection connection, string path, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        connection.Request.Start("POST"u8, Encoding.ASCII.GetBytes(path)).EndHead(bytes.Length);
        var head = connection.Exchange(bytes, new RecordingSink());
        return (head.StatusCode, Text(connection.ReadBody(head).Span));
    }

    [Fact]
    public async Task KeepAliveConnection_ServesSeveralExchanges()
    {
        var server = Task.Run(async () =>
        {
            var stream = await AcceptAsync();
            var first = await ReadRequestAsync(stream);
            await stream.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nLambda-Runtime-Aws-Request-Id: r1\r\n\r\nevent"), _cts.Token);
            var second = await ReadRequestAsync(stream);
            await stream.WriteAsync(Ascii("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"), _cts.Token);
            return (first, second);
        });

        using var connection = Connect();
        var sink = new RecordingSink();
        var (next, reply) = await Client(() => (Get(connection, "/next", sink), Post(connection, "/r1/response", "{\"a\":1}")));

        Assert.Equal((200, "event"), next);
        Assert.Contains(("Lambda-Runtime-Aws-Request-Id", "r1"), sink.Headers);
        Assert.Equal((202, "ok"), reply);

        var (firstRequest, secondRequest) = await server.WaitAsync(Timeout);
        Assert.Equal($"GET /next HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nUser-Agent: test-agent/1.0\r\n\r\n", firstRequest);
        Assert.Equal($"POST /r1/response HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nUser-Agent: test-agent/1.0\r\nContent-Length: 7\r\n\r\n{{\"a\":1}}", secondRequest);
        Assert.False(_listener.Pending(), "a second connection was opened");
    }

    [Fact]
    public async Task IdleConnectionClosedByServer_ReconnectsOnceAndResends()
    {
        var firstClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(async () =>
        {
            var first = await AcceptAsync();
            await ReadRequestAsync(first);
            await first.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"), _cts.Token);
            _accepted[0].Client.Shutdown(SocketShutdown.Both);
            _accepted[0].Close();
            firstClosed.SetResult();

            var second = await AcceptAsync();
            string? resent = await ReadRequestAsync(second);
            await second.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"), _cts.Token);
            return resent;
        });

        using var connection = Connect();
        Assert.Equal((200, "one"), await Client(() => Get(connection, "/next")));
        await firstClosed.Task.WaitAsync(Timeout);
        await UntilClientSeesCloseAsync(connection);

        Assert.Equal((200, "two"), await Client(() => Post(connection, "/again", "payload")));
        string? resent = await server.WaitAsync(Timeout);
        Assert.Equal($"POST /again HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nUser-Agent: test-agent/1.0\r\nContent-Length: 7\r\n\r\npayload", resent);
    }

    [Fact]
    public async Task ReconnectHappensOnlyOnce()
    {
        var firstClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(async () =>
        {
            var first = await AcceptAsync();
            await ReadRequestAsync(first);
            await first.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), _cts.Token);
            _accepted[0].Close();
            firstClosed.SetResult();
            var second = await AcceptAsync();
            await ReadRequestAsync(second);
            _accepted[1].Close(); // the retry fails too
        });

        using var connection = Connect();
        Assert.Equal((200, ""), await Client(() => Get(connection, "/next")));
        await firstClosed.Task.WaitAsync(Timeout);

        var error = await Assert.ThrowsAnyAsync<IOException>(() => Client(() => Get(connection, "/next")));
        Assert.IsNotType<RuntimeApiUnreachableException>(error);
        await server.WaitAsync(Timeout);
        // A failed connection is done with (the runtime exits); a third try would have queued a connection ahead of a new one's.
        await AssertAFreshConnectionIsServedFirstAsync();
    }

    [Fact]
    public async Task PostClosedAfterItWentOut_IsNotResent()
    {
        var server = Task.Run(async () =>
        {
            var stream = await AcceptAsync();
            await ReadRequestAsync(stream);
            await stream.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), _cts.Token);
            string? reply = await ReadRequestAsync(stream);
            _accepted[0].Close(); // it may have been handled: the client cannot know, so must not send it again
            return reply;
        });

        using var connection = Connect();
        Assert.Equal((200, ""), await Client(() => Get(connection, "/next")));
        await Assert.ThrowsAnyAsync<IOException>(() => Client(() => Post(connection, "/r1/response", "payload")));
        Assert.EndsWith("payload", await server.WaitAsync(Timeout));
        // Had the reply been sent again, it would be the first request on the next connection.
        var after = FirstRequestOnNextConnectionAsync();
        Assert.Equal((200, ""), await Client(() => Get(connection, "/next")));
        Assert.StartsWith("GET /next ", await after.WaitAsync(Timeout));
    }

    [Fact]
    public async Task FreshConnectionClosedBeforeAnswering_IsNotRetried()
    {
        var server = Task.Run(async () =>
        {
            var stream = await AcceptAsync();
            await ReadRequestAsync(stream);
            _accepted[0].Close();
        });

        using var connection = Connect();
        await Assert.ThrowsAsync<HttpConnectionClosedException>(() => Client(() => Get(connection, "/next")));
        await server.WaitAsync(Timeout);
        // A failed connection is done with (the runtime exits); a retry would have queued a connection ahead of a new one's.
        await AssertAFreshConnectionIsServedFirstAsync();
    }

    [Fact]
    public async Task ConnectionCloseFromServer_NextExchangeUsesANewConnection()
    {
        var server = Task.Run(async () =>
        {
            var first = await AcceptAsync();
            await ReadRequestAsync(first);
            await first.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\na"), _cts.Token);
            var second = await AcceptAsync();
            await ReadRequestAsync(second);
            await second.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb"), _cts.Token);
        });

        using var connection = Connect();
        Assert.Equal((200, "a"), await Client(() => Get(connection, "/1")));
        Assert.Equal((200, "b"), await Client(() => Get(connection, "/2")));
        await server.WaitAsync(Timeout);
        Assert.Equal(2, _accepted.Count);
    }

    [Fact]
    public async Task ClosedPort_ThrowsUnreachable_NamingTheAddress()
    {
        int closedPort = UnusedPort(IPAddress.Loopback);

        var budget = TimeSpan.FromMilliseconds(300);
        using var connection = new HttpConnection(new RuntimeApiEndpoint("127.0.0.1", closedPort), "t", budget);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RuntimeApiUnreachableException>(() => Client(() => { connection.Open(); return 0; }));
        clock.Stop();

        Assert.Contains($"127.0.0.1:{closedPort}", e.Message);
        Assert.StartsWith("cannot connect to the Runtime API", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Open_WaitsForAListenerThatStartsLate()
    {
        int port = UnusedPort(IPAddress.Loopback);

        var late = new TcpListener(IPAddress.Loopback, port);
        try
        {
            using var connection = new HttpConnection(new RuntimeApiEndpoint("127.0.0.1", port), "t", TimeSpan.FromSeconds(5));
            var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var opener = new Thread(() =>
            {
                try { connection.Open(); opened.SetResult(); }
                catch (Exception e) { opened.SetException(e); }
            });
            opener.Start();
            // Open sleeps between attempts: once its thread sleeps, an attempt has failed and it is waiting to retry.
            var patience = Stopwatch.StartNew();
            while (!opener.ThreadState.HasFlag(System.Threading.ThreadState.WaitSleepJoin) && !opened.Task.IsCompleted)
            {
                Assert.True(patience.Elapsed < Timeout, "Open neither failed an attempt nor returned");
                await Task.Yield();
            }
            Assert.False(opened.Task.IsCompleted, "Open returned before anything listened");
            late.Start();
            await opened.Task.WaitAsync(Timeout);
            using var accepted = await late.AcceptTcpClientAsync(_cts.Token);
        }
        finally
        {
            late.Stop();
        }
    }

    [Fact]
    public async Task ConnectsByName_Localhost()
    {
        var server = Task.Run(async () =>
        {
            var stream = await AcceptAsync();
            string? request = await ReadRequestAsync(stream);
            await stream.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"), _cts.Token);
            return request;
        });

        using var connection = Connect("localhost");
        Assert.Equal((200, "hi"), await Client(() => Get(connection, "/next")));
        Assert.Equal($"GET /next HTTP/1.1\r\nHost: localhost:{Port}\r\nUser-Agent: test-agent/1.0\r\n\r\n", await server.WaitAsync(Timeout));
    }
    [Fact]
    public async Task ConnectsToAnIPv6Literal()
    {
        var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_cts.Token);
                var stream = client.GetStream();
                string? request = await ReadRequestAsync(stream);
                await stream.WriteAsync(Ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nv6"), _cts.Token);
                return request;
            });

            using var connection = new HttpConnection(RuntimeApiEndpoint.Parse($"[::1]:{port}"), "test-agent/1.0", TimeSpan.FromSeconds(2));
            Assert.Equal((200, "v6"), await Client(() => Get(connection, "/next")));
            Assert.StartsWith($"GET /next HTTP/1.1\r\nHost: [::1]:{port}\r\n", await server.WaitAsync(Timeout));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task ClosedIPv6Port_NamesTheAddressInTheError()
    {
        int closedPort = UnusedPort(IPAddress.IPv6Loopback);

        using var connection = new HttpConnection(new RuntimeApiEndpoint("::1", closedPort), "t", TimeSpan.Zero);
        var e = await Assert.ThrowsAsync<RuntimeApiUnreachableException>(() => Client(() => { connection.Open(); return 0; }));
        Assert.Contains("::1: ", e.Message);
    }
}
