using Bootstrap.Runtime;

namespace Bootstrap.Events.Http;

/// <summary>
/// A streamed HTTP response behind a Function URL in <c>RESPONSE_STREAM</c> mode: set the status, headers and cookies,
/// then write the body. The first write (or flush, or the end of the handler) sends the head as the HTTP integration
/// prelude; after that the head can no longer change.
/// </summary>
public sealed class HttpStreamingResponse
{
    private readonly ResponseStream _stream;
    private readonly HttpResponse _head = new();

    internal HttpStreamingResponse(ResponseStream stream) => _stream = stream;

    /// <summary>The HTTP status code (200 unless set).</summary>
    public int StatusCode
    {
        get => _head.StatusCode;
        set
        {
            EnsureNotStarted();
            _head.StatusCode = value;
        }
    }

    /// <summary>The headers; several values of one header go out joined with commas.</summary>
    public MultiValueMap Headers => _head.Headers;

    /// <summary>The cookies to set.</summary>
    public List<string> Cookies => _head.Cookies;

    /// <summary>Whether the head has been sent.</summary>
    public bool HasStarted { get; private set; }

    /// <summary>The body as a stream: getting it sends the head.</summary>
    public Stream Body
    {
        get
        {
            Start();
            return _stream;
        }
    }

    /// <summary>Writes body bytes; they go out at the next flush (or after 16 KiB).</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Start();
        _stream.Write(bytes);
    }

    /// <summary>Sends what was written so far to the client.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Sends the head, once.</summary>
    internal void Start()
    {
        if (HasStarted)
            return;
        HttpResponseCheck.Validate(_head);
        HasStarted = true;
        FunctionUrlResponse.WritePrelude(_stream, _head.StatusCode, HttpResponseWriter.JoinedValues(_head), HttpResponseWriter.CookiesOf(_head));
    }

    private void EnsureNotStarted()
    {
        if (HasStarted)
            throw new InvalidOperationException("The response head has been sent: the status, headers and cookies can no longer change.");
    }
}
