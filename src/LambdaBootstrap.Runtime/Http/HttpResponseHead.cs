namespace LambdaBootstrap.Runtime.Http;

/// <summary>The status and framing of one response; other headers go to an <see cref="IHttpHeaderSink"/>.</summary>
internal readonly record struct HttpResponseHead(int StatusCode, long ContentLength, bool IsChunked, bool ConnectionClose)
{
    /// <summary>1xx, 204 and 304 responses never have a body.</summary>
    public bool HasBody => StatusCode >= 200 && StatusCode != 204 && StatusCode != 304;
}
