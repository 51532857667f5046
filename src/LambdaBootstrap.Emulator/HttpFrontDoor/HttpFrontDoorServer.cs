using System.Text;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// Plain HTTP on 127.0.0.1 in front of functions, as API Gateway, a Function URL or an ALB puts them (<c>--http-port</c>):
/// its <see cref="IFrontDoorRouting"/> turns every request into an event for a function (one function in a chosen
/// <see cref="FrontDoorEventFormat"/>, or a template's routes), and the function's answer becomes the HTTP response. As API Gateway answers: an answer that is not a valid response, or a function error, is 502
/// <c>{"message":"Internal server error"}</c> (with one log line saying why); a timeout 504; a body over 10 MB 413.
/// Behind a Function URL, a streamed response streams through (<see cref="FunctionUrlStreamRelay"/>).
/// </summary>
internal sealed class HttpFrontDoorServer : IAsyncDisposable
{
    /// <summary>API Gateway's request payload limit, for REST and HTTP APIs.</summary>
    public const int MaxRequestBodyBytes = 10 * 1024 * 1024;

    private static readonly string[] HopByHop = ["Content-Length", "Transfer-Encoding", "Connection"];
    private LoopbackServer _host = null!;
    private readonly IFrontDoorRouting _routing;
    private readonly Action<string, bool> _output;

    private HttpFrontDoorServer(IFrontDoorRouting routing, Action<string, bool> output)
    {
        _routing = routing;
        _output = output;
    }

    /// <summary>The port it listens on (the one asked for, or the free one picked for 0).</summary>
    public int Port => _host.Port;

    public static Task<HttpFrontDoorServer> StartAsync(LocalFunction function, FrontDoorEventFormat format, int port, Action<string, bool> output) =>
        StartAsync(new SingleFunctionRouting(function, format), port, output);

    public static async Task<HttpFrontDoorServer> StartAsync(IFrontDoorRouting routing, int port, Action<string, bool> output)
    {
        var server = new HttpFrontDoorServer(routing, output);
        server._host = await LoopbackServer.StartAsync(port, limits => limits.MaxRequestBodySize = MaxRequestBodyBytes + 1, server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        byte[]? body = await ReadBodyAsync(context);
        if (body is null)
        {
            await WriteMessageAsync(context, 413, "Request Entity Too Large");
            return;
        }
        string requestId = Guid.NewGuid().ToString();
        InvokeResult result;
        FrontDoorEventFormat format;
        try
        {
            var dispatch = await _routing.DispatchAsync(context, body, requestId);
            foreach (var group in dispatch.Headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
                context.Response.Headers[group.Key] = group.Select(h => h.Value).ToArray();
            if (dispatch.Function is not { } function)
            {
                await WriteAnswerAsync(context, dispatch.Status, dispatch.Body);
                return;
            }
            format = dispatch.Format;
            var pending = function.StartInvoke(dispatch.Event);
            if (format == FrontDoorEventFormat.FunctionUrl && await StreamOf(pending) is { } stream)
            {
                if (await FunctionUrlStreamRelay.RelayAsync(context, stream, pending.Result) is { } streamProblem)
                {
                    _output($"emulator: http: {context.Request.Method} {context.Request.Path}: 502, not a valid streamed Function URL response: {streamProblem}", true);
                    await WriteMessageAsync(context, 502, "Internal server error");
                }
                else if (!context.Response.HasStarted)
                    await WriteFailureAsync(context, await pending.Result);
                return;
            }
            result = await pending.Result;
        }
        catch (QueueFullException e)
        {
            _output($"emulator: http: {context.Request.Method} {context.Request.Path}: 429, {e.Message}", true);
            await WriteMessageAsync(context, 429, "Too Many Requests");
            return;
        }
        if (result.Outcome.IsError)
        {
            await WriteFailureAsync(context, result);
            return;
        }
        if (HttpAnswer.Read(format, result.Outcome.Body, out string? problem) is not { } answer)
        {
            _output($"emulator: http: {context.Request.Method} {context.Request.Path}: 502, not a valid {FormatName(format)} response: {problem}", true);
            await WriteMessageAsync(context, 502, "Internal server error");
            return;
        }
        WriteHead(context.Response, answer);
        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>The stream of a streamed response, or null when the invocation answered whole (or failed) first.</summary>
    private static async Task<StreamedResponseRecording?> StreamOf(PendingInvoke pending)
    {
        var invocation = await pending.Invocation;
        await Task.WhenAny(invocation.StreamingStarted, pending.Result);
        return invocation.StreamingStarted.IsCompletedSuccessfully ? invocation.StreamingStarted.Result : null;
    }

    /// <summary>A function error is 502, a timeout 504, each with one line saying why.</summary>
    private async Task WriteFailureAsync(HttpContext context, InvokeResult result)
    {
        bool timedOut = result.Outcome.ErrorType == "Sandbox.Timedout";
        _output($"emulator: http: {context.Request.Method} {context.Request.Path}: {(timedOut ? 504 : 502)}, the function failed: {result.Outcome.ErrorType}: {result.Outcome.ErrorMessage}", true);
        await (timedOut ? WriteMessageAsync(context, 504, "Endpoint request timed out") : WriteMessageAsync(context, 502, "Internal server error"));
    }

    /// <summary>The answer's status and headers, without those the server sets itself.</summary>
    internal static void WriteHead(HttpResponse response, HttpAnswer answer)
    {
        response.StatusCode = answer.StatusCode;
        foreach (var group in answer.Headers.Where(h => !HopByHop.Contains(h.Name, StringComparer.OrdinalIgnoreCase))
                     .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
            response.Headers[group.Key] = group.Select(h => h.Value).ToArray();
    }

    private static string FormatName(FrontDoorEventFormat format) => format switch
    {
        FrontDoorEventFormat.ApiGatewayV1 => "API Gateway REST (payload 1.0)",
        FrontDoorEventFormat.ApiGatewayV2 => "API Gateway HTTP API (payload 2.0)",
        FrontDoorEventFormat.FunctionUrl => "Function URL",
        _ => "ALB",
    };

    /// <summary>The request body, or null when it is over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxRequestBodyBytes)
            return null;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.Length <= MaxRequestBodyBytes ? buffer.ToArray() : null;
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own limit (one byte past API Gateway's) was reached.
            return null;
        }
    }

    private static Task WriteMessageAsync(HttpContext context, int status, string message) =>
        WriteAnswerAsync(context, status, $$"""{"message":"{{message}}"}""");

    private static async Task WriteAnswerAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        if (json.Length == 0)
            return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
