using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// Errors of the Invoke API itself, in Lambda's shapes: the status, <c>x-amzn-ErrorType</c>, and a JSON body with
/// <c>Type</c> and the message (under <c>Message</c> for ResourceNotFoundException, <c>message</c> otherwise), as the
/// AWS SDKs read them.
/// </summary>
internal static class InvokeApiErrors
{
    public static Task ResourceNotFound(HttpContext context, string arn) =>
        WriteAsync(context, 404, "ResourceNotFoundException", $"Function not found: {arn}", messageField: "Message");

    public static Task InvalidParameterValue(HttpContext context, string message) =>
        WriteAsync(context, 400, "InvalidParameterValueException", message);

    public static Task InvalidRequestContent(HttpContext context, string message) =>
        WriteAsync(context, 400, "InvalidRequestContentException", message);

    public static Task RequestTooLarge(HttpContext context, int limit, string operation) =>
        WriteAsync(context, 413, "RequestTooLargeException", $"Request must be smaller than {limit} bytes for the {operation} operation");

    /// <summary>429 with Retry-After, as Lambda throttles: here, when the function's queue of waiting invokes is full.</summary>
    public static Task TooManyRequests(HttpContext context, string message)
    {
        context.Response.Headers.RetryAfter = "1";
        return WriteAsync(context, 429, "TooManyRequestsException", message, reason: "ReservedFunctionConcurrentInvocationLimitExceeded");
    }

    public static Task UnknownOperation(HttpContext context, string message) =>
        WriteAsync(context, 404, "UnknownOperationException", message);

    /// <summary>403: a request the emulator will not serve (another origin's page, a missing console token).</summary>
    public static Task Forbidden(HttpContext context, string type, string message) =>
        WriteAsync(context, 403, type, message);

    private static async Task WriteAsync(HttpContext context, int status, string type, string message, string messageField = "message", string? reason = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Type", "User");
            json.WriteString(messageField, message);
            if (reason is not null)
                json.WriteString("Reason", reason);
            json.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Amzn-ErrorType"] = type;
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
