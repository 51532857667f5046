namespace LambdaBootstrap.Testing;

/// <summary>What the runtime sent back for the invocation: a response (whole or streamed), or an error report.</summary>
internal sealed class RuntimeApiReply
{
    public bool Replied { get; private set; }
    public byte[] Response { get; private set; } = [];
    public bool Streamed { get; private set; }
    public string? ContentType { get; private set; }
    public IReadOnlyList<byte[]> Chunks { get; private set; } = [];
    public string? ErrorType { get; private set; }
    public byte[]? ErrorBody { get; private set; }
    public string? XRayErrorCause { get; private set; }
    public bool ErrorInTrailers { get; private set; }

    public void Respond(byte[] body)
    {
        Replied = true;
        Response = body;
    }

    public void ReportError(string? errorType, byte[] body, string? xrayCause)
    {
        Replied = true;
        ErrorType = errorType;
        ErrorBody = body;
        XRayErrorCause = xrayCause;
    }

    /// <summary>A streamed response; an error after its start arrives in the trailers, its body base64-encoded.</summary>
    public void Stream(string? contentType, IReadOnlyList<byte[]> chunks, string? errorType, string? errorBodyBase64)
    {
        Replied = true;
        Streamed = true;
        ContentType = contentType;
        Chunks = chunks;
        Response = [.. chunks.SelectMany(c => c)];
        if (errorType is not null)
        {
            ErrorType = errorType;
            ErrorBody = errorBodyBase64 is null ? [] : Convert.FromBase64String(errorBodyBase64);
            ErrorInTrailers = true;
        }
    }
}
