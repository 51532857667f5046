using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>An invoke accepted by the Invoke API and queued on its function: what its answer needs.</summary>
internal sealed record InvokeCall(HttpContext Context, PendingInvoke Pending, string ExecutedVersion, bool TailLog)
{
    /// <summary>The headers every answer carries: status 200, the content type, the version run and the request id.</summary>
    public void WriteHeaders(string requestId, string contentType)
    {
        var response = Context.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.Headers["X-Amz-Executed-Version"] = ExecutedVersion;
        response.Headers["X-Amzn-RequestId"] = requestId;
    }

    /// <summary>The whole answer, as Invoke gives it: the body, or the error JSON with X-Amz-Function-Error; the log with Tail.</summary>
    public async Task WriteResultAsync(InvokeResult result)
    {
        WriteHeaders(result.RequestId, "application/json");
        var response = Context.Response;
        if (result.Outcome.IsError)
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
        if (TailLog && result.Log is { } log)
            response.Headers["X-Amz-Log-Result"] = log.TailBase64();
        response.ContentLength = result.Outcome.Body.Length;
        await response.Body.WriteAsync(result.Outcome.Body, Context.RequestAborted);
    }
}
