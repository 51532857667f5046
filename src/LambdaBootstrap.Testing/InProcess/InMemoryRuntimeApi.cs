using System.Text;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Http;

namespace LambdaBootstrap.Testing;

/// <summary>
/// The Runtime API of one invocation, in memory: the runtime's own HTTP client writes its requests to this stream and
/// reads the answers from it, so the invocation loop runs unchanged with no socket. It answers <c>/next</c> with the
/// invocation, then takes the reply (<c>/response</c>, buffered or streamed, or <c>/error</c>) as Lambda would, and
/// keeps it in <see cref="Reply"/>. Everything happens on the caller's thread: a request is answered as soon as its
/// last byte is written.
/// </summary>
internal sealed class InMemoryRuntimeApi(PendingInvocation invocation) : RuntimeApiSocket
{
    private const string InvocationPrefix = "/2018-06-01/runtime/invocation/";
    private const string NextPath = InvocationPrefix + "next";

    private readonly RequestParser _parser = new();
    private byte[] _answer = [];
    private int _answered;
    private bool _nextServed;

    /// <summary>What the runtime replied, once it has.</summary>
    public RuntimeApiReply Reply { get; } = new();

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool PeerHasClosed() => false;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _parser.Add(buffer);
        while (_parser.TakeRequest() is { } request)
            Answer(request);
    }

    public override int Read(Span<byte> buffer)
    {
        int left = _answer.Length - _answered;
        if (left == 0)
            throw new IOException("the runtime read an answer before it sent a request");
        int count = Math.Min(left, buffer.Length);
        _answer.AsSpan(_answered, count).CopyTo(buffer);
        _answered += count;
        return count;
    }

    private void Answer(ParsedRequest request)
    {
        if (request.Method == "GET" && request.Path == NextPath)
        {
            // One invocation per in-memory API: a second /next would wait forever on Lambda.
            if (_nextServed)
                throw new InvalidOperationException("the runtime asked for a second invocation");
            _nextServed = true;
            SetAnswer(200, "OK", invocation.Headers(), invocation.Event);
            return;
        }
        if (request.Method != "POST" || !request.Path.StartsWith(InvocationPrefix, StringComparison.Ordinal))
        {
            SetAnswer(404, "Not Found", [], Json("""{"errorMessage":"unknown path","errorType":"InvalidRequest"}"""));
            return;
        }
        string[] parts = request.Path[InvocationPrefix.Length..].Split('/');
        if (parts.Length != 2 || parts[0] != invocation.RequestId)
        {
            SetAnswer(400, "Bad Request", [], Json("""{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}"""));
            return;
        }
        if (parts[1] == "response" && !request.Streamed && request.Body.Length > RuntimeApiClient.MaxResponseBytes)
        {
            SetAnswer(413, "Request Entity Too Large", [], Json(
                $$"""{"errorMessage":"Exceeded maximum allowed payload size ({{RuntimeApiClient.MaxResponseBytes}} bytes).","errorType":"RequestEntityTooLarge"}"""));
            return;
        }
        switch (parts[1])
        {
            case "response" when request.Streamed:
                Reply.Stream(request.Header("Content-Type"), request.Chunks,
                    request.Trailer("Lambda-Runtime-Function-Error-Type"), request.Trailer("Lambda-Runtime-Function-Error-Body"));
                break;
            case "response":
                Reply.Respond(request.Body);
                break;
            case "error":
                Reply.ReportError(request.Header("Lambda-Runtime-Function-Error-Type"), request.Body, request.Header("Lambda-Runtime-Function-XRay-Error-Cause"));
                break;
            default:
                SetAnswer(404, "Not Found", [], Json("""{"errorMessage":"unknown path","errorType":"InvalidRequest"}"""));
                return;
        }
        SetAnswer(202, "Accepted", [], Json("""{"status":"OK"}"""));
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private void SetAnswer(int status, string reason, IEnumerable<(string Name, string Value)> headers, byte[] body)
    {
        var head = new StringBuilder().Append("HTTP/1.1 ").Append(status).Append(' ').Append(reason).Append("\r\n");
        head.Append("Content-Type: application/json\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        _answer = [.. Encoding.UTF8.GetBytes(head.ToString()), .. body];
        _answered = 0;
    }
}
