using System.Text;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>How an invocation ended: a response body, or an error with its type and JSON body.</summary>
internal sealed record InvocationOutcome(bool IsError, byte[] Body, string? ErrorType)
{
    public static InvocationOutcome Response(byte[] body) => new(false, body, null);

    public static InvocationOutcome Error(string errorType, byte[] body) => new(true, body, errorType);

    /// <summary>An error made by the emulator itself (timeout, crash): Lambda's error JSON shape.</summary>
    public static InvocationOutcome Error(string errorType, string message) =>
        new(true, Encoding.UTF8.GetBytes(ErrorJson(errorType, message)), errorType);

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The errorMessage of an error body, or its raw text when it is not Lambda's error JSON.</summary>
    public string ErrorMessage
    {
        get
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(Body);
                if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("errorMessage", out var message))
                    return message.ToString();
            }
            catch (System.Text.Json.JsonException)
            {
            }
            return BodyText;
        }
    }

    /// <summary>The raw Lambda-Runtime-Function-XRay-Error-Cause header that came with the error report, if any.</summary>
    public string? XRayErrorCause { get; init; }
    /// <summary>Why <see cref="XRayErrorCause"/> is malformed; null when it is valid or absent.</summary>
    public string? XRayErrorCauseProblem { get; init; }

    public static string ErrorJson(string errorType, string message) =>
        $"{{\"errorMessage\":{System.Text.Json.JsonSerializer.Serialize(message, RuntimeApiJson.Default.String)},\"errorType\":{System.Text.Json.JsonSerializer.Serialize(errorType, RuntimeApiJson.Default.String)}}}";
}
