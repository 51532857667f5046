using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An invocation's error report, as the runtime sent it to Lambda: the JSON body of <c>/error</c>
/// (<c>{"errorMessage", "errorType", "stackTrace", "cause"}</c>) and its error type header; for a streamed response
/// that failed after its first bytes, the same report from the stream's trailers.
/// </summary>
public sealed class TestErrorReport
{
    internal TestErrorReport(string errorType, byte[] body, string? xrayErrorCause, bool inTrailers)
    {
        ErrorType = errorType;
        Json = Encoding.UTF8.GetString(body);
        XRayErrorCause = xrayErrorCause;
        InTrailers = inTrailers;
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        ErrorMessage = root.GetProperty("errorMessage").GetString() ?? "";
        StackTrace = root.TryGetProperty("stackTrace", out var lines) && lines.ValueKind == JsonValueKind.Array
            ? [.. lines.EnumerateArray().Select(l => l.GetString() ?? "")]
            : [];
    }

    /// <summary>The error type (<c>Lambda-Runtime-Function-Error-Type</c>): the exception's type name, such as
    /// <c>InvalidOperationException</c>, or <c>Runtime.SerializationError</c> for an event a typed handler cannot read.</summary>
    public string ErrorType { get; }

    /// <summary>The report's <c>errorMessage</c>.</summary>
    public string ErrorMessage { get; }

    /// <summary>The report's <c>stackTrace</c>, one frame a line.</summary>
    public IReadOnlyList<string> StackTrace { get; }

    /// <summary>The report's JSON body, byte for byte as the runtime sent it (what an invoker of the function receives).</summary>
    public string Json { get; }

    /// <summary>The X-Ray error cause the runtime sent with the report (<c>Lambda-Runtime-Function-XRay-Error-Cause</c>); null when none.</summary>
    public string? XRayErrorCause { get; }

    /// <summary>Whether the error ended a streamed response that had already started, in its trailers.</summary>
    public bool InTrailers { get; }

    /// <summary>The error type and message, as the runtime logs them.</summary>
    /// <returns><c>ErrorType: ErrorMessage</c>.</returns>
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
