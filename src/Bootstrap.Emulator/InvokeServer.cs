using System.Text;
using Bootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.Emulator;

/// <summary>
/// Lambda's Invoke API on 127.0.0.1, as AWS's emulator serves it:
/// <c>POST /2015-03-31/functions/{name}/invocations</c>. Like real Lambda, a function error answers 200 with
/// <c>X-Amz-Function-Error: Unhandled</c> and the error JSON; <c>X-Amz-Invocation-Type: Event</c> answers 202 at once.
/// A streamed response comes back whole there; if it failed mid-stream, as that error (header and JSON).
/// <para>
/// <c>POST /2015-03-31/functions/{name}/response-streaming-invocations</c> relays a streamed response as it arrives,
/// one HTTP chunk per piece, with the function's Content-Type. Where real Lambda wraps the pieces in its event-stream
/// encoding, this sends them as they are, and a mid-stream error as the trailers
/// <c>Lambda-Runtime-Function-Error-Type</c> and <c>Lambda-Runtime-Function-Error-Body</c> (base64 error JSON),
/// declared up front. An error before the first byte answers as on the ordinary endpoint; a buffered response
/// comes as one chunk.
/// </para>
/// </summary>
public sealed class InvokeServer : IAsyncDisposable
{
    /// <summary>Lambda's request payload limits: synchronous and asynchronous invokes.</summary>
    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;
    public const int MaxAsyncPayloadBytes = 1024 * 1024;

    private LoopbackServer _host = null!;
    private readonly LocalFunction _function;
    private readonly Action<string, bool> _output;

    private InvokeServer(LocalFunction function, Action<string, bool> output)
    {
        _function = function;
        _output = output;
    }

    public int Port => _host.Port;

    public static async Task<InvokeServer> StartAsync(LocalFunction function, int port, Action<string, bool> output)
    {
        var server = new InvokeServer(function, output);
        server._host = await LoopbackServer.StartAsync(port, limits => limits.MaxRequestBodySize = MaxSyncPayloadBytes + 1, server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string[] segments = (request.Path.Value ?? "").Trim('/').Split('/');
        bool streaming = segments is ["2015-03-31", "functions", _, "response-streaming-invocations"];
        if (!HttpMethods.IsPost(request.Method) || !(streaming || segments is ["2015-03-31", "functions", _, "invocations"]))
        {
            await WriteAsync(context, 404, "ResourceNotFoundException", $"No invoke endpoint {request.Method} {request.Path}; use POST /2015-03-31/functions/function/invocations or .../response-streaming-invocations");
            return;
        }

        string type = request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } t ? t : "RequestResponse";
        if (type is not ("RequestResponse" or "Event" or "DryRun") || (streaming && type == "Event"))
        {
            string allowed = streaming ? "RequestResponse or DryRun for a response streaming invoke" : "RequestResponse, Event or DryRun";
            await WriteAsync(context, 400, "InvalidParameterValueException", $"X-Amz-Invocation-Type must be {allowed}, not '{type}'");
            return;
        }

        byte[] payload;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            payload = buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            await WriteAsync(context, 413, "RequestTooLargeException", $"Request must be smaller than {MaxSyncPayloadBytes} bytes for the InvokeFunction operation");
            return;
        }
        int limit = type == "Event" ? MaxAsyncPayloadBytes : MaxSyncPayloadBytes;
        if (payload.Length > limit)
        {
            await WriteAsync(context, 413, "RequestTooLargeException", $"Request must be smaller than {limit} bytes for the InvokeFunction operation");
            return;
        }

        string? clientContext = null;
        if (request.Headers["X-Amz-Client-Context"].ToString() is { Length: > 0 } encoded)
        {
            try
            {
                clientContext = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                using var _ = System.Text.Json.JsonDocument.Parse(clientContext);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                await WriteAsync(context, 400, "InvalidRequestContentException", "Client context must be a valid Base64-encoded JSON object.");
                return;
            }
        }

        if (type == "DryRun")
        {
            context.Response.StatusCode = 204;
            return;
        }
        var pending = _function.StartInvoke(payload, new InvokeOptions { ClientContext = clientContext });
        if (type == "Event")
        {
            _ = pending.Result.ContinueWith(t => _output($"emulator: event invoke failed: {t.Exception?.GetBaseException().Message}", true),
                TaskContinuationOptions.OnlyOnFaulted);
            context.Response.StatusCode = 202;
            return;
        }
        if (streaming)
        {
            await RelayAsync(context, pending);
            return;
        }
        await WriteResultAsync(context, await pending.Result);
    }

    /// <summary>The whole answer, as Lambda's Invoke API gives it: the body, or the error JSON with X-Amz-Function-Error.</summary>
    private async Task WriteResultAsync(HttpContext context, InvokeResult result)
    {
        WriteInvokeHeaders(context, result.RequestId, "application/json");
        if (result.Outcome.IsError)
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        context.Response.ContentLength = result.Outcome.Body.Length;
        await context.Response.Body.WriteAsync(result.Outcome.Body, context.RequestAborted);
    }

    /// <summary>
    /// Sends a streamed response on as it arrives, each piece flushed, and a mid-stream error as trailers. Until the
    /// first byte nothing is sent, so an error before it (or a buffered response) is answered whole.
    /// </summary>
    private async Task RelayAsync(HttpContext context, PendingInvoke pending)
    {
        var invocation = await pending.Invocation;
        await Task.WhenAny(invocation.StreamingStarted, pending.Result);
        try
        {
            if (!invocation.StreamingStarted.IsCompleted)
            {
                var result = await pending.Result;
                if (result.Outcome.IsError)
                {
                    await WriteResultAsync(context, result);
                    return;
                }
                WriteInvokeHeaders(context, result.RequestId, "application/json");
                var whole = ChunkedResponseWriter.Start(context.Response);
                await whole.WriteAsync(result.Outcome.Body, context.RequestAborted);
                await whole.EndAsync([], context.RequestAborted);
                return;
            }

            var stream = await invocation.StreamingStarted;
            WriteInvokeHeaders(context, invocation.RequestId, stream.ContentType);
            var writer = ChunkedResponseWriter.Start(context.Response, RuntimeApiServer.ErrorTypeHeader, RuntimeApiServer.ErrorBodyTrailer);
            await foreach (var piece in stream.ReadAllAsync(context.RequestAborted))
                await writer.WriteAsync(piece, context.RequestAborted);
            var outcome = (await pending.Result).Outcome;
            await writer.EndAsync(outcome.IsError
                ? [new(RuntimeApiServer.ErrorTypeHeader, outcome.ErrorType ?? "Unhandled"), new(RuntimeApiServer.ErrorBodyTrailer, Convert.ToBase64String(outcome.Body))]
                : [], context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; the invocation runs on and still gets its REPORT line.
        }
    }

    private void WriteInvokeHeaders(HttpContext context, string requestId, string contentType)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.Headers["X-Amz-Executed-Version"] = _function.Options.Api.FunctionVersion;
        context.Response.Headers["X-Amzn-RequestId"] = requestId;
    }

    private static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Amzn-ErrorType"] = type;
        byte[] body = Encoding.UTF8.GetBytes(InvocationOutcome.ErrorJson(type, message));
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
    }
}
