using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Bootstrap.Reliability.Tests.FaultInjection;

/// <summary>
/// A Runtime API and Extensions API on raw sockets that behaves like Lambda, except for one scripted fault on the
/// n-th occurrence of one call. It records every request head it receives, every request id it hands out, and
/// the replies, so a test can check that nothing was answered twice or for an id it never issued.
/// </summary>
public sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string RequestId, byte[] Event)> _events = Channel.CreateUnbounded<(string, byte[])>();
    private readonly ConcurrentDictionary<RuntimeApiCall, int> _occurrences = new();
    private readonly ConcurrentQueue<(RuntimeApiCall Call, string? RequestId, ReceivedRequest Request)> _received = new();
    private readonly ConcurrentDictionary<string, byte> _issued = new();
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly Task _accepting;
    private int _faultedInvocations;
    private volatile bool _faultApplied;

    public ScriptedRuntimeApi(RuntimeApiCall call, int occurrence, Fault fault, byte[] faultedEvent)
    {
        Plan = (call, occurrence, fault);
        FaultedEvent = faultedEvent;
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public (RuntimeApiCall Call, int Occurrence, Fault Fault) Plan { get; }

    /// <summary>The event a faulted <c>/next</c> answer carries, under a request id of its own.</summary>
    public byte[] FaultedEvent { get; }

    /// <summary>host:port, for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; }

    /// <summary>Whether the scripted fault has been applied.</summary>
    public bool FaultApplied => _faultApplied;

    /// <summary>Every request head received, in order, with its call and request id (replies).</summary>
    public IReadOnlyList<(RuntimeApiCall Call, string? RequestId, ReceivedRequest Request)> Received => [.. _received];

    /// <summary>Request ids handed out on <c>/next</c>, whether or not the answer arrived whole.</summary>
    public IReadOnlyCollection<string> IssuedRequestIds => [.. _issued.Keys];

    /// <summary>Replies (<c>/response</c>, streamed or not, and <c>/error</c>) received for <paramref name="requestId"/>.</summary>
    public IReadOnlyList<ReceivedRequest> RepliesFor(string requestId) =>
        [.. _received.Where(r => r.RequestId == requestId).Select(r => r.Request)];

    /// <summary>Queues an invocation for the next <c>/next</c>; returns its request id.</summary>
    public string Enqueue(string @event)
    {
        string id = Guid.NewGuid().ToString();
        _events.Writer.TryWrite((id, Encoding.UTF8.GetBytes(@event)));
        return id;
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
            _connections.Add(socket);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var cancel = _stop.Token;
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new RequestReader(stream);
            while (await reader.ReadHeadAsync(cancel) is var (method, path, headers))
            {
                var (call, requestId) = RuntimeApiCalls.Classify(new ReceivedRequest(method, path, headers, []));
                int occurrence = _occurrences.AddOrUpdate(call, 1, (_, n) => n + 1);
                bool faulted = call == Plan.Call && occurrence == Plan.Occurrence;
                _received.Enqueue((call, requestId, new ReceivedRequest(method, path, headers, [])));
                if (faulted && Plan.Fault == Fault.ResetMidUpload)
                {
                    _faultApplied = true;
                    End(socket, Ending.Reset);
                    return;
                }
                if (await reader.ReadBodyAsync(headers, cancel) is null)
                    return;

                var answer = await AnswerAsync(call, faulted, cancel);
                if (answer is null)
                {
                    // A parked extension event request: held until the end, like Lambda does until shutdown.
                    await Task.Delay(Timeout.Infinite, cancel);
                    return;
                }
                if (!faulted)
                {
                    await stream.WriteAsync(answer.Fixed(), cancel);
                    continue;
                }
                var fault = FaultedAnswer.Apply(Plan.Fault, answer);
                _faultApplied = true;
                await SendAsync(stream, fault, cancel);
                if (fault.Ending != Ending.KeepServing)
                {
                    End(socket, fault.Ending);
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
    private async Task<Answer?> AnswerAsync(RuntimeApiCall call, bool faulted, CancellationToken cancel)
    {
        switch (call)
        {
            case RuntimeApiCall.Next:
                // A faulted answer carries an invocation of its own, so the queue is untouched whatever happens to it.
                var (id, @event) = faulted
                    ? ($"faulted-{Interlocked.Increment(ref _faultedInvocations)}", FaultedEvent)
                    : await _events.Reader.ReadAsync(cancel);
                _issued[id] = 0;
                return Answer.Invocation(id, @event);
            case RuntimeApiCall.ExtensionRegister:
                return Answer.Registered();
            case RuntimeApiCall.ExtensionEventNext:
                return faulted ? Answer.Accepted() : null;
            case RuntimeApiCall.Unknown:
                return new Answer("HTTP/1.1 404 Not Found", [], "{}"u8.ToArray());
            default:
                return Answer.Accepted();
        }
    }

    private static async Task SendAsync(NetworkStream stream, FaultedAnswer fault, CancellationToken cancel)
    {
        if (!fault.OneByteAtATime)
        {
            await stream.WriteAsync(fault.Bytes, cancel);
            return;
        }
        for (int i = 0; i < fault.Bytes.Length; i++)
        {
            await stream.WriteAsync(fault.Bytes.AsMemory(i, 1), cancel);
            await Task.Delay(1, cancel);
        }
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
        foreach (var socket in _connections)
            socket.Dispose();
        await _accepting;
        _stop.Dispose();
    }
}
