using System.Diagnostics;
using System.Text;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// One keep-alive HTTP/1.1 connection to the Runtime API. A request is built with <see cref="Request"/>,
/// then <see cref="Exchange"/> sends it and reads the response head. If a connection that has served
/// before turns out to be closed, it reconnects once and resends; a second failure is an error.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private readonly RuntimeApiEndpoint _endpoint;
    private readonly TimeSpan _connectBudget;
    private RuntimeApiSocket? _stream;
    private HttpResponseReader? _reader;
    private bool _hasServed;

    public HttpConnection(RuntimeApiEndpoint endpoint, string userAgent, TimeSpan connectBudget)
    {
        _endpoint = endpoint;
        _connectBudget = connectBudget;
        Request = new HttpRequestWriter(Encoding.ASCII.GetBytes(string.Concat("Host: ", endpoint.Authority, "\r\nUser-Agent: ", userAgent, "\r\n")));
    }

    /// <summary>
    /// A connection over a stream that is already open and is never reopened: the testing library's in-memory Runtime
    /// API, which drives the invocation loop in-process. Nothing on a bootstrap's path calls it.
    /// </summary>
    internal HttpConnection(RuntimeApiEndpoint endpoint, string userAgent, RuntimeApiSocket open)
        : this(endpoint, userAgent, TimeSpan.Zero)
    {
        _stream = open;
        _reader = new HttpResponseReader(open);
    }

    public RuntimeApiEndpoint Endpoint => _endpoint;

    /// <summary>The writer for the next request; build a head on it, then call <see cref="Exchange"/>.</summary>
    public HttpRequestWriter Request { get; }

    /// <summary>Opens the connection now, retrying with backoff while the API is not yet listening.</summary>
    public void Open()
    {
        if (_stream is not null)
            return;
        // The clock starts at the first failure: the usual first attempt succeeds and needs none.
        Stopwatch? clock = null;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                _stream = RuntimeApiSocket.Connect(_endpoint);
                break;
            }
            catch (IOException) when ((clock ??= Stopwatch.StartNew()).Elapsed + delay < _connectBudget)
            {
                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
            }
            catch (IOException e)
            {
                throw new RuntimeApiUnreachableException(_endpoint, clock?.Elapsed ?? TimeSpan.Zero, e.Message);
            }
        }
        _reader = new HttpResponseReader(_stream);
        _hasServed = false;
    }

    /// <summary>
    /// Sends the request built on <see cref="Request"/> with <paramref name="body"/>, reads and returns the response head.
    /// Only a repeatable request (a GET) is resent when the connection breaks before its answer: a reply that may
    /// have arrived is never sent twice.
    /// </summary>
    public HttpResponseHead Exchange(ReadOnlySpan<byte> body, IHttpHeaderSink sink)
    {
        OpenForRequest();
        try
        {
            Request.WriteTo(_stream!, body);
            return _reader!.ReadHead(sink);
        }
        catch (Exception e) when (_hasServed && Request.IsRepeatable && e is HttpConnectionClosedException or IOException)
        {
            // An idle keep-alive connection the server closed between invocations: reconnect once.
            Close();
            Open();
            Request.WriteTo(_stream!, body);
            return _reader!.ReadHead(sink);
        }
    }

    /// <summary>
    /// Sends the head built on <see cref="Request"/> (ended by <see cref="HttpRequestWriter.EndChunkedHead"/>) and
    /// returns a writer for its chunked body; then <see cref="ReadResponseHead"/>. Nothing is resent: once body bytes
    /// are out, a broken connection is an error.
    /// </summary>
    public ChunkedBodyWriter SendChunkedRequest()
    {
        OpenForRequest();
        Request.WriteTo(_stream!, default);
        return new ChunkedBodyWriter(_stream!);
    }

    /// <summary>
    /// Opens the connection, or replaces one the server closed while it sat idle (say, during a long handler) before
    /// a request that cannot be resent goes out on it. A repeatable one finds out by failing, and costs no check.
    /// </summary>
    private void OpenForRequest()
    {
        if (_stream is not null && _hasServed && !Request.IsRepeatable && _stream.PeerHasClosed())
            Close();
        Open();
    }

    /// <summary>Sends the request built on <see cref="Request"/> and leaves its response unread (a request parked on purpose).</summary>
    public void SendWithoutReading()
    {
        Open();
        Request.WriteTo(_stream!, default);
    }

    /// <summary>Reads the response head to a request sent with <see cref="SendChunkedRequest"/>.</summary>
    public HttpResponseHead ReadResponseHead(IHttpHeaderSink sink) => _reader!.ReadHead(sink);

    /// <summary>Reads the body of the response whose head <see cref="Exchange"/> returned.</summary>
    public ReadOnlyMemory<byte> ReadBody(in HttpResponseHead head)
    {
        var body = _reader!.ReadBody(head);
        _hasServed = true;
        if (head.ConnectionClose)
            Close();
        return body;
    }

    /// <summary>Reads past the body of the response whose head <see cref="Exchange"/> returned, keeping nothing.</summary>
    public void SkipBody(in HttpResponseHead head)
    {
        _reader!.SkipBody(head);
        _hasServed = true;
        if (head.ConnectionClose)
            Close();
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _reader = null;
    }

    public void Dispose() => Close();
}
