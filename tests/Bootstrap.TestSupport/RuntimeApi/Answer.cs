using System.Text;

namespace Bootstrap.TestSupport.RuntimeApi;

/// <summary>
/// A well-formed answer of the scripted Runtime API, before any fault: status, headers and body, framed on demand with a
/// Content-Length (whose text a fault may replace) or in chunks.
/// </summary>
public sealed record Answer(string StatusLine, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>What Lambda answers to <c>/response</c>, <c>/error</c> and <c>/init/error</c>.</summary>
    public static Answer Accepted() =>
        new("HTTP/1.1 202 Accepted", [("Content-Type", "application/json")], "{\"status\":\"OK\"}\n"u8.ToArray());

    /// <summary>A refusal as the Runtime API words it: <paramref name="status"/> with an <c>errorMessage</c> and <c>errorType</c> body.</summary>
    public static Answer Refusal(int status, string reason, string errorType, string errorMessage) =>
        new($"HTTP/1.1 {status} {reason}", [("Content-Type", "application/json")],
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["errorMessage"] = errorMessage, ["errorType"] = errorType })));

    /// <summary>The 413 to a response over Lambda's limit of 6291556 bytes.</summary>
    public static Answer PayloadTooLarge() =>
        Refusal(413, "Request Entity Too Large", "RequestEntityTooLarge", "Exceeded maximum allowed payload size (6291556 bytes).");

    /// <summary>The 410 to a reply for an invocation that has already timed out.</summary>
    public static Answer Gone() => Refusal(410, "Gone", "InvocationTimedOut", "The invocation has already timed out.");

    /// <summary>A 500: the Runtime API has failed, and the runtime must exit.</summary>
    public static Answer ServerError() => Refusal(500, "Internal Server Error", "ServiceException", "Internal service error.");

    /// <summary>An invocation on <c>/next</c>, with the headers Lambda sends.</summary>
    public static Answer Invocation(string requestId, byte[] @event) => new("HTTP/1.1 200 OK",
    [
        ("Content-Type", "application/json"),
        ("Lambda-Runtime-Aws-Request-Id", requestId),
        ("Lambda-Runtime-Deadline-Ms", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds().ToString()),
        ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:test-function"),
        ("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
    ], @event);

    /// <summary>What the Extensions API answers to a registration.</summary>
    public static Answer Registered() => new("HTTP/1.1 200 OK",
    [
        ("Content-Type", "application/json"),
        ("Lambda-Extension-Identifier", Guid.NewGuid().ToString()),
    ], "{\"functionName\":\"test-function\",\"functionVersion\":\"$LATEST\",\"handler\":\"counter\"}"u8.ToArray());

    public Answer WithStatusLine(string statusLine) => this with { StatusLine = statusLine };

    public Answer WithHeader(string name, string value) => this with { Headers = [.. Headers, (name, value)] };

    public Answer WithoutHeader(string name) => this with { Headers = [.. Headers.Where(h => !h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>The answer framed by Content-Length; <paramref name="contentLength"/> replaces the header's text.</summary>
    public byte[] Fixed(string? contentLength = null) =>
        [.. Head(WithHeader("Content-Length", contentLength ?? Body.Length.ToString()).Headers), .. Body];

    /// <summary>The head alone as <see cref="Fixed"/> frames it.</summary>
    public int FixedHeadLength => Fixed().Length - Body.Length;

    /// <summary>The answer framed in chunks of <paramref name="chunkSize"/> bytes; <paramref name="finalChunk"/> false leaves off the end.</summary>
    public byte[] Chunked(int chunkSize = 4, bool finalChunk = true)
    {
        var bytes = new List<byte>(ChunkedHead());
        for (int offset = 0; offset < Body.Length; offset += chunkSize)
        {
            int size = Math.Min(chunkSize, Body.Length - offset);
            bytes.AddRange(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            bytes.AddRange(Body.AsSpan(offset, size).ToArray());
            bytes.AddRange("\r\n"u8.ToArray());
        }
        if (finalChunk)
            bytes.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. bytes];
    }

    /// <summary>The head as <see cref="Chunked"/> frames it.</summary>
    public byte[] ChunkedHead() => Head(WithHeader("Transfer-Encoding", "chunked").Headers);

    private byte[] Head(IEnumerable<(string Name, string Value)> headers)
    {
        var head = new StringBuilder(StatusLine).Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }
}
