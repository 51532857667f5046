using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// A streamed HTTP response behind a Function URL in <c>RESPONSE_STREAM</c> mode: set the status, headers and cookies,
/// then write the body. The first write (or flush, or the end of the handler) sends the head as the HTTP integration
/// prelude; after that the head can no longer change.
/// </summary>
/// <remarks>
/// The streaming counterpart of <see cref="HttpResponse"/>, which a buffered HTTP handler returns. It writes the runtime's
/// <c>HttpResponsePrelude</c> for you; <c>LambdaFunctionUrlResponse</c> is the raw buffered Function URL shape.
/// </remarks>
public sealed class HttpStreamingResponse
{
    private readonly ResponseStream _stream;
    private readonly HttpResponse _head = new();
    private int _headShapeWhenSent;

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
    /// <exception cref="InvalidOperationException">Headers or cookies were added after the head was sent.</exception>
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

    /// <summary>Sends the head, once; after that, refuses a head that changed, rather than drop what was added.</summary>
    internal void Start()
    {
        if (HasStarted)
        {
            if (HeadShape() != _headShapeWhenSent)
                throw new InvalidOperationException("Headers or cookies were added after the response head was sent: set them before the first write.");
            return;
        }
        HttpResponseCheck.Validate(_head);
        HasStarted = true;
        _headShapeWhenSent = HeadShape();
        HttpResponsePrelude.Write(_stream, _head.StatusCode, HttpResponseWriter.JoinedValues(_head), HttpResponseWriter.CookiesOf(_head));
    }

    private int HeadShape()
    {
        int values = _head.Cookies.Count;
        foreach (var (_, headerValues) in _head.Headers)
            values += headerValues.Count;
        return values;
    }

    private void EnsureNotStarted()
    {
        if (HasStarted)
            throw new InvalidOperationException("The response head has been sent: the status, headers and cookies can no longer change.");
    }
}
