using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Testing;

/// <summary>
/// One invocation run by <see cref="LambdaTestHost"/>: what the runtime sent back to Lambda (the response, whole or
/// streamed, or the error report) and what it wrote to the function's log meanwhile.
/// </summary>
public sealed class TestInvocation
{
    private readonly TestHttpResponse? _http;
    private readonly string? _notHttp;

    internal TestInvocation(string requestId, RuntimeApiReply reply, IReadOnlyList<string> logLines, TimeSpan duration,
        TestHttpResponse? http, string? notHttp)
    {
        RequestId = requestId;
        Response = reply.Response;
        IsStreamed = reply.Streamed;
        ContentType = reply.ContentType;
        Chunks = reply.Chunks;
        Error = reply.ErrorBody is { } body ? new TestErrorReport(reply.ErrorType ?? "", body, reply.XRayErrorCause, reply.ErrorInTrailers) : null;
        LogLines = logLines;
        Duration = duration;
        _http = http;
        _notHttp = notHttp;
    }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>The response's bytes: the body of <c>/response</c>, or every streamed chunk in order. Empty when the
    /// invocation failed before any byte went out.</summary>
    public byte[] Response { get; }

    /// <summary>The response as UTF-8 text.</summary>
    public string ResponseText => Encoding.UTF8.GetString(Response);

    /// <summary>Whether the handler streamed its response (a streaming handler) rather than returning it whole.</summary>
    public bool IsStreamed { get; }

    /// <summary>The content type of a streamed response; null for a whole one (Lambda's invoker sees <c>application/json</c>).</summary>
    public string? ContentType { get; }

    /// <summary>A streamed response's chunks in the order they went out, one per flush of the handler; empty for a whole one.</summary>
    public IReadOnlyList<byte[]> Chunks { get; }

    /// <summary>The error report the runtime sent, or null when the invocation succeeded.</summary>
    public TestErrorReport? Error { get; }

    /// <summary>Whether the invocation failed (<see cref="Error"/> is set).</summary>
    public bool IsError => Error is not null;

    /// <summary>
    /// The lines written to the function's log during the invocation, as the runtime writes them (text:
    /// <c>timestamp TAB requestId TAB LEVEL TAB message</c>; or JSON): the context's logger's lines and the runtime's own,
    /// such as <c>Invocation failed: …</c>. What the handler writes to <see cref="Console"/> is not captured.
    /// </summary>
    public IReadOnlyList<string> LogLines { get; }

    /// <summary>How long the invocation took, from <c>/next</c> to the end of the reply.</summary>
    public TimeSpan Duration { get; }

    /// <summary>
    /// The response of an HTTP handler as its front door reads it, for an invocation made with
    /// <c>LambdaTestHost.InvokeHttpAsync</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The invocation was not an HTTP one, it failed, or its answer is not a
    /// valid HTTP response for the format (the message says which, as API Gateway would answer 502).</exception>
    public TestHttpResponse HttpResponse => _http ?? throw new InvalidOperationException(_notHttp ?? "not an HTTP invocation");

    /// <summary>Reads the response as JSON through source-generated metadata.</summary>
    /// <typeparam name="T">The response's type.</typeparam>
    /// <param name="type">The metadata for <typeparamref name="T"/>, from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The response's value.</returns>
    /// <exception cref="JsonException">The response is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? ReadResponse<T>(JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Response, type);
}
