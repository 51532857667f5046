using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Bootstrap.TestSupport.RawHttp;

namespace Bootstrap.TestSupport.RuntimeApi;

/// <summary>
/// A Runtime API and Extensions API on raw sockets that a test scripts: <c>/next</c> hands out the queued events with
/// Lambda's headers (and any the test adds), replies get 202, and any occurrence of any call can instead get a
/// scripted answer (a 410, 413 or 500, a fault, a closed connection). It records every request, with its connection,
/// and lets a test wait for one to arrive. For the runtime's in-process tests and the fault injection on the AOT
/// bootstrap; the emulator's Runtime API is tested against the emulator itself.
/// </summary>
public sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Invocation> _events = Channel.CreateUnbounded<Invocation>();
    private readonly Dictionary<RuntimeApiCall, int> _occurrences = [];
    private readonly Dictionary<(RuntimeApiCall, int), Scripted> _script = [];
    private readonly List<RuntimeApiRequest> _received = [];
    private readonly List<(Func<RuntimeApiRequest, bool> Match, TaskCompletionSource<RuntimeApiRequest> Arrived)> _waiters = [];
    private readonly HashSet<string> _issued = [];
    private readonly List<Socket> _connections = [];
    private readonly TaskCompletionSource _scriptApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly Task _accepting;
    private int _scriptedInvocations;

    /// <summary>Starts listening on a free loopback port; nothing is scripted yet.</summary>
    public ScriptedRuntimeApi()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Starts with one fault scripted on the <paramref name="occurrence"/>-th <paramref name="call"/>.</summary>
    public ScriptedRuntimeApi(RuntimeApiCall call, int occurrence, Fault fault, byte[] faultedEvent) : this()
    {
        FaultedEvent = faultedEvent;
        Script(call, occurrence, fault);
    }

    /// <summary>The event a faulted <c>/next</c> answer carries, under a request id of its own (<c>faulted-1</c>, …).</summary>
    public byte[] FaultedEvent { get; } = "{}"u8.ToArray();

    public int Port { get; }

    /// <summary>host:port, for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Completes when the first scripted answer has gone out.</summary>
    public Task ScriptApplied => _scriptApplied.Task;

    /// <summary>Whether a scripted answer has gone out.</summary>
    public bool FaultApplied => _scriptApplied.Task.IsCompleted;

    /// <summary>Every request received, in order: reply bodies are read whole, except one cut off by a reset mid-upload.</summary>
    public IReadOnlyList<RuntimeApiRequest> Received
    {
        get { lock (_lock) return [.. _received]; }
    }

    /// <summary>How many connections the client has opened.</summary>
    public int ConnectionCount
    {
        get { lock (_lock) return _connections.Count; }
    }

    /// <summary>Request ids handed out on <c>/next</c>, whether or not the answer arrived whole.</summary>
    public IReadOnlyCollection<string> IssuedRequestIds
    {
        get { lock (_lock) return [.. _issued]; }
    }

    /// <summary>Replies (<c>/response</c>, streamed or not, and <c>/error</c>) received for <paramref name="requestId"/>.</summary>
    public IReadOnlyList<RawRequest> RepliesFor(string requestId) =>
        [.. Received.Where(r => r.RequestId == requestId).Select(r => r.Request)];

    /// <summary>Queues an invocation for a coming <c>/next</c>, with Lambda's headers and <paramref name="headers"/>; returns its request id.</summary>
    public string Enqueue(string @event, params (string Name, string Value)[] headers) => Enqueue(Encoding.UTF8.GetBytes(@event), headers);

    /// <inheritdoc cref="Enqueue(string, ValueTuple{string, string}[])"/>
    public string Enqueue(byte[] @event, params (string Name, string Value)[] headers)
    {
        string id = Guid.NewGuid().ToString();
        _events.Writer.TryWrite(new Invocation(id, @event, headers));
        return id;
    }

    /// <summary>The <paramref name="occurrence"/>-th <paramref name="call"/> (from 1) gets <paramref name="fault"/> instead of its usual answer.</summary>
    public void Script(RuntimeApiCall call, int occurrence, Fault fault)
    {
        lock (_lock)
        {
            // A scripted /next answer carries an invocation of its own, so the queue is untouched whatever happens to it.
            string? id = call == RuntimeApiCall.Next ? $"faulted-{++_scriptedInvocations}" : null;
            _script[(call, occurrence)] = new Scripted(FaultedAnswer.Apply(fault, UsualAnswer(call, id ?? "", FaultedEvent, []) ?? Answer.Accepted()), id);
        }
    }

    /// <summary>
    /// The <paramref name="occurrence"/>-th <paramref name="call"/> (from 1) gets <paramref name="answer"/>, after which the
    /// connection goes on or ends as <paramref name="ending"/> says.
    /// </summary>
    public void Script(RuntimeApiCall call, int occurrence, Answer answer, Ending ending = Ending.KeepServing)
    {
        lock (_lock)
            _script[(call, occurrence)] = new Scripted(new FaultedAnswer(answer.Fixed(), ending), null);
    }

    /// <summary>Waits for a request that matches (one already received counts), failing after <see cref="Patience.Default"/>.</summary>
    public Task<RuntimeApiRequest> WaitForAsync(Func<RuntimeApiRequest, bool> match)
    {
        lock (_lock)
        {
            if (_received.FirstOrDefault(match) is { } already)
                return Task.FromResult(already);
            var arrived = new TaskCompletionSource<RuntimeApiRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, arrived));
            return arrived.Task.WaitAsync(Patience.Default);
        }
    }

    /// <summary>Waits for the reply (<c>/response</c> or <c>/error</c>) to <paramref name="requestId"/>.</summary>
    public Task<RuntimeApiRequest> WaitForReplyAsync(string requestId) => WaitForAsync(r => r.RequestId == requestId);

    private void Record(RuntimeApiRequest request)
    {
        lock (_lock)
        {
            _received.Add(request);
            foreach (var waiter in _waiters.Where(w => w.Match(request)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Arrived.TrySetResult(request);
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            int connection;
            lock (_lock)
            {
                _connections.Add(socket);
                connection = _connections.Count;
            }
            _ = Task.Run(() => ServeAsync(socket, connection));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        var cancel = _stop.Token;
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new RawHttpReader(stream);
            while (await reader.ReadRequestHeadAsync(cancel) is { } head)
            {
                var (call, requestId) = RuntimeApiCalls.Classify(head);
                Scripted? scripted;
                lock (_lock)
                {
                    int occurrence = _occurrences[call] = _occurrences.GetValueOrDefault(call) + 1;
                    scripted = _script.GetValueOrDefault((call, occurrence));
                }
                if (scripted is { Answer.BeforeRequestBody: true })
                {
                    Record(new RuntimeApiRequest(call, requestId, head, connection));
                    _scriptApplied.TrySetResult();
                    End(socket, scripted.Answer.Ending);
                    return;
                }
                if (await reader.ReadBodyAsync(head.Headers, cancel) is not { } body)
                    return;
                Record(new RuntimeApiRequest(call, requestId, head with { Body = body.Bytes, ChunkSizes = body.ChunkSizes, Trailers = body.Trailers }, connection));

                if (scripted is null)
                {
                    var answer = await AnswerAsync(call, cancel);
                    if (answer is null)
                    {
                        // A parked extension event request: held until the end, like Lambda does until shutdown.
                        await Task.Delay(Timeout.Infinite, cancel);
                        return;
                    }
                    await stream.WriteAsync(answer.Fixed(), cancel);
                    continue;
                }
                if (scripted.IssuedRequestId is { } issued)
                {
                    lock (_lock)
                        _issued.Add(issued);
                }
                await SendAsync(stream, scripted.Answer, cancel);
                _scriptApplied.TrySetResult();
                if (scripted.Answer.Ending != Ending.KeepServing)
                {
                    End(socket, scripted.Answer.Ending);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>Lambda's answer to a call; null for one that is never answered (the parked extension event request).</summary>
    private async Task<Answer?> AnswerAsync(RuntimeApiCall call, CancellationToken cancel)
    {
        if (call != RuntimeApiCall.Next)
            return UsualAnswer(call, "", [], []);
        var invocation = await _events.Reader.ReadAsync(cancel);
        lock (_lock)
            _issued.Add(invocation.RequestId);
        return UsualAnswer(call, invocation.RequestId, invocation.Event, invocation.Headers);
    }

    private static Answer? UsualAnswer(RuntimeApiCall call, string requestId, byte[] @event, (string Name, string Value)[] headers) => call switch
    {
        RuntimeApiCall.Next => headers.Aggregate(Answer.Invocation(requestId, @event), (answer, h) => answer.WithHeader(h.Name, h.Value)),
        RuntimeApiCall.ExtensionRegister => Answer.Registered(),
        RuntimeApiCall.ExtensionEventNext => null,
        RuntimeApiCall.Unknown => new Answer("HTTP/1.1 404 Not Found", [], "{}"u8.ToArray()),
        _ => Answer.Accepted(),
    };

    private static async Task SendAsync(NetworkStream stream, FaultedAnswer answer, CancellationToken cancel)
    {
        if (!answer.OneByteAtATime)
        {
            await stream.WriteAsync(answer.Bytes, cancel);
            return;
        }
        // Each byte in a segment of its own: the client's reader must put them together.
        for (int i = 0; i < answer.Bytes.Length; i++)
            await stream.WriteAsync(answer.Bytes.AsMemory(i, 1), cancel);
    }

    private static void End(Socket socket, Ending ending)
    {
        if (ending == Ending.Reset)
            socket.LingerState = new LingerOption(true, 0);
        else
            socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_lock)
        {
            foreach (var socket in _connections)
                socket.Dispose();
        }
        await _accepting;
        _stop.Dispose();
    }

    private sealed record Scripted(FaultedAnswer Answer, string? IssuedRequestId);

    private sealed record Invocation(string RequestId, byte[] Event, (string Name, string Value)[] Headers);
}

/// <summary>One request the scripted Runtime API received: which call, the request id of a reply, the connection it came on (from 1).</summary>
public sealed record RuntimeApiRequest(RuntimeApiCall Call, string? RequestId, RawRequest Request, int Connection);
