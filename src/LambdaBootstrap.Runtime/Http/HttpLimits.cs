namespace LambdaBootstrap.Runtime.Http;

/// <summary>Bounds on what the client accepts, so a broken peer gives an error instead of unbounded memory.</summary>
internal static class HttpLimits
{
    /// <summary>Longest status line, e.g. <c>HTTP/1.1 200 OK</c>.</summary>
    public const int MaxStatusLineBytes = 1024;

    /// <summary>Status line plus all header lines plus the blank line. Client context alone may be ~3.5 KiB.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    public const int MaxHeaderCount = 100;

    /// <summary>Interim (1xx) responses skipped before the final one.</summary>
    public const int MaxInterimResponses = 8;

    /// <summary>Lambda events are at most 6 MB; anything far beyond that is a broken peer.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>A chunk-size line: hex digits, optional extensions, CRLF.</summary>
    public const int MaxChunkLineBytes = 1024;
}
