using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

public sealed class HttpConnectionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new(Timeout);
    private readonly List<TcpClient> _accepted = [];

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

    /// <summary>Reads one request (head and Content-Length body) as text; null if the client closed first.</summary>
    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            int n = await stream.ReadAsync(buffer, _cts.Token);
            if (n == 0)
                return received.Count == 0 ? null : throw new IOException("client closed mid-request");
            received.AddRange(buffer.AsSpan(0, n));
        }
        string head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd + 4);
        int length = head.Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim()))
            .SingleOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            int n = await stream.ReadAsync(buffer, _cts.Token);
            if (n == 0)
                throw new IOException("client closed mid-body");
            received.AddRange(buffer.AsSpan(0, n));
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Count; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return i;
        }
        return -1;
    }

    private Task<T> Client<T>(Func<T> work) => Task.Run(work).WaitAsync(Timeout);

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
        await Task.Delay(50); // let the FIN reach the client

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
        await Task.Delay(50);

        var error = await Assert.ThrowsAnyAsync<IOException>(() => Client(() => Get(connection, "/next")));
        Assert.IsNotType<RuntimeApiUnreachableException>(error);
        await server.WaitAsync(Timeout);
        Assert.False(_listener.Pending(), "a third connection was opened");
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
        await Task.Delay(50);
        Assert.False(_listener.Pending(), "the reply was sent again on a new connection");
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
        Assert.False(_listener.Pending(), "the client reconnected");
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
            var opening = Client(() => { connection.Open(); return 0; });
            await Task.Delay(200);
            Assert.False(opening.IsCompleted, "Open returned before anything listened");
            late.Start();
            await opening;
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
