using System.Buffers;
using System.Text;
using LambdaBootstrap.Runtime.Diagnostics;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The four calls of the Lambda Runtime API over one keep-alive connection, and what their status codes mean:
/// 2xx goes on; a 4xx on a reply is logged and the loop goes on (413 on a response becomes an error report);
/// a 500, or anything but 200 from <c>/next</c>, is fatal.
/// </summary>
internal sealed class RuntimeApiClient(HttpConnection connection, LogWriter log) : IDisposable
{
    /// <summary>Lambda's limit on a buffered response: 6 MiB plus 100 bytes.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024 + 100;

    private static ReadOnlySpan<byte> Get => "GET"u8;
    private static ReadOnlySpan<byte> Post => "POST"u8;
    private static ReadOnlySpan<byte> NextPath => "/2018-06-01/runtime/invocation/next"u8;
    private static ReadOnlySpan<byte> InvocationPrefix => "/2018-06-01/runtime/invocation/"u8;
    private static ReadOnlySpan<byte> InitErrorPath => "/2018-06-01/runtime/init/error"u8;

    private readonly InvocationHeaders _headers = new();
    private readonly ArrayBufferWriter<byte> _errorBody = new(1024);

    public RuntimeApiEndpoint Endpoint => connection.Endpoint;

    /// <summary>The startup profile to finish when the first <c>/next</c> goes out (BOOTSTRAP_PROFILE=1); then cleared.</summary>
    public StartupProfile? Profile { get; set; }

    /// <summary>Opens the connection, waiting (bounded) for the API to listen.</summary>
    public void Connect() => connection.Open();

    /// <summary>
    /// <c>GET /next</c>: blocks, with no timeout, until Lambda has an invocation. The returned headers are
    /// reused by the next call; the event is the caller's to keep.
    /// </summary>
    public InvocationHeaders Next(out ReadOnlyMemory<byte> @event)
    {
        connection.Request.Start(Get, NextPath).EndHead(null);
        if (Profile is { } profile)
        {
            Profile = null;
            profile.FirstNextSending();
        }
        _headers.Reset();
        var head = connection.Exchange(default, _headers);
        @event = connection.ReadBody(head);
        if (head.StatusCode != 200)
            throw new RuntimeApiException($"GET /next answered {head.StatusCode}: {Describe(@event)}");
        if (_headers.RequestId is null)
            throw new RuntimeApiException("GET /next answered 200 without a Lambda-Runtime-Aws-Request-Id header");
        return _headers;
    }

    /// <summary><c>POST /invocation/{id}/response</c>. A 413 is turned into a <c>Function.ResponseSizeTooLarge</c> error report.</summary>
    public void Respond(LambdaContext context, ReadOnlySpan<byte> body)
    {
        StartReply(context, "/response"u8).EndHead(body.Length);
        int status = Send(body, "response", context.AwsRequestId);
        if (status == 413)
        {
            ReportError(context, ErrorReport.Runtime(RuntimeErrorException.ResponseSizeTooLarge,
                $"Response payload size ({body.Length} bytes) exceeded maximum allowed payload size ({MaxResponseBytes} bytes)."));
        }
    }

    /// <summary>
    /// <c>POST /invocation/{id}/error</c> with the report as JSON and its type in Lambda-Runtime-Function-Error-Type;
    /// a report made from an exception also carries the X-Ray error cause.
    /// </summary>
    public void ReportError(LambdaContext context, ErrorReport report)
    {
        var request = StartReply(context, "/error"u8);
        if (report.IsExceptionReport && XRayErrorCause.From(report, Environment.CurrentDirectory) is { } cause)
            request.Header("Lambda-Runtime-Function-XRay-Error-Cause"u8, cause);
        SendError(request, report, "error", context.AwsRequestId);
    }

    /// <summary>
    /// Starts a streamed <c>POST /invocation/{id}/response</c>: chunked, with the trailers that may carry an error
    /// declared up front. Called by the <see cref="ResponseStream"/> when its first bytes go out.
    /// </summary>
    public Http.ChunkedBodyWriter StartStreamingResponse(LambdaContext context, string contentType) =>
        StartReply(context, "/response"u8)
            .Header("Lambda-Runtime-Function-Response-Mode"u8, "streaming"u8)
            .Header("Content-Type"u8, contentType)
            .Header("Trailer"u8, "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body"u8)
            .EndChunkedHead(connection);

    /// <summary>Reads the answer to a streamed response once its body has ended, and applies the status policy.</summary>
    public void EndStreamingResponse(LambdaContext context)
    {
        _headers.Reset();
        var head = connection.ReadResponseHead(_headers);
        CheckStatus(head, "streamed response", context.AwsRequestId);
    }

    /// <summary><c>POST /init/error</c>: the function could not start.</summary>
    public void ReportInitError(ErrorReport report)
    {
        var request = connection.Request.Start(Post, InitErrorPath);
        SendError(request, report, "init error", null);
    }

    private HttpRequestWriter StartReply(LambdaContext context, ReadOnlySpan<byte> suffix)
    {
        var request = connection.Request.StartPath(Post, InvocationPrefix).PathSegment(context.AwsRequestId).EndPath(suffix);
        if (context.InvocationId is { } invocationId)
            request.Header("Lambda-Runtime-Invocation-Id"u8, invocationId);
        return request;
    }

    private void SendError(HttpRequestWriter request, ErrorReport report, string what, string? requestId)
    {
        _errorBody.ResetWrittenCount();
        report.WriteJson(_errorBody);
        request.Header("Content-Type"u8, ErrorReport.ContentType)
               .Header("Lambda-Runtime-Function-Error-Type"u8, report.ErrorType)
               .EndHead(_errorBody.WrittenCount);
        Send(_errorBody.WrittenSpan, what, requestId);
    }

    /// <summary>Sends a built reply and applies the status policy. Returns the status code.</summary>
    private int Send(ReadOnlySpan<byte> body, string what, string? requestId)
    {
        _headers.Reset();
        var head = connection.Exchange(body, _headers);
        return CheckStatus(head, what, requestId);
    }

    /// <summary>2xx goes on; 4xx is logged (410: the invocation timed out) and goes on; anything else is fatal.</summary>
    private int CheckStatus(in HttpResponseHead head, string what, string? requestId)
    {
        int status = head.StatusCode;
        if (status is >= 200 and < 300)
        {
            connection.SkipBody(head); // {"status":"OK"}: nothing to keep
            return status;
        }
        var answer = connection.ReadBody(head);
        string about = requestId is null ? what : $"{what} for {requestId}";
        if (status is >= 400 and < 500)
        {
            log.Write(status == 410 ? LogLevel.Warning : LogLevel.Error,
                status == 410 ? $"Runtime API answered 410 to the {about}: the invocation already timed out"
                              : $"Runtime API rejected the {about} with {status}: {Describe(answer)}",
                requestId);
            return status;
        }
        throw new RuntimeApiException($"Runtime API answered {status} to the {about}: {Describe(answer)}");
    }

    private static string Describe(ReadOnlyMemory<byte> body) =>
        body.IsEmpty ? "(no body)" : Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 512)]);

    public void Dispose() => connection.Dispose();
}
