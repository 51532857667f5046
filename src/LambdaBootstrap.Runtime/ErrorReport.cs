using System.Buffers;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The body of an <c>/error</c> or <c>/init/error</c> report:
/// <c>{"errorMessage", "errorType", "stackTrace": [..], "cause": {..}}</c>, with inner exceptions as nested causes.
/// </summary>
internal sealed class ErrorReport
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>Deepest chain of inner exceptions kept, so a cyclic or absurd chain cannot blow up the report.</summary>
    private const int MaxCauseDepth = 16;

    public required string ErrorType { get; init; }
    public required string ErrorMessage { get; init; }
    public IReadOnlyList<string> StackTrace { get; init; } = [];
    public ErrorReport? Cause { get; init; }
    /// <summary>The inner exceptions of an <see cref="AggregateException"/>.</summary>
    public IReadOnlyList<ErrorReport>? Causes { get; init; }
    /// <summary>Made from an exception (and so worth an X-Ray error cause), not by the runtime itself.</summary>
    public bool IsExceptionReport { get; init; }

    public static ErrorReport Runtime(string errorType, string message) => new() { ErrorType = errorType, ErrorMessage = message };

    /// <summary>A report of an exception: its type name (or a runtime error type), message, stack trace and causes.</summary>
    public static ErrorReport FromException(Exception exception) => FromException(exception, 0);

    private static ErrorReport FromException(Exception exception, int depth)
    {
        bool deeper = depth < MaxCauseDepth;
        return new ErrorReport
        {
            IsExceptionReport = true,
            ErrorType = exception is RuntimeErrorException runtimeError ? runtimeError.ErrorType : exception.GetType().Name,
            ErrorMessage = exception.Message,
            StackTrace = StackLines(exception.StackTrace),
            // An aggregate of several lists them all as causes; any other exception has at most one cause.
            Causes = deeper && exception is AggregateException { InnerExceptions.Count: > 1 } aggregate
                ? FromExceptions(aggregate.InnerExceptions, depth + 1)
                : null,
            Cause = deeper && exception is not AggregateException { InnerExceptions.Count: > 1 } && exception.InnerException is { } inner
                ? FromException(inner, depth + 1)
                : null,
        };
    }

    private static ErrorReport[] FromExceptions(IReadOnlyList<Exception> exceptions, int depth)
    {
        var reports = new ErrorReport[exceptions.Count];
        for (int i = 0; i < reports.Length; i++)
            reports[i] = FromException(exceptions[i], depth);
        return reports;
    }

    private static string[] StackLines(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
            return [];
        var lines = stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The runtime's own frames (the loop calling the handler) are [StackTraceHidden], so Native AOT leaves them out;
        // what they leave behind is the async boundary markers after the function's last frame. (Under the JIT, .NET
        // still shows the last frame, the runtime's catch site; a bootstrap is always compiled ahead of time.)
        int keep = lines.Length;
        while (keep > 0 && lines[keep - 1].StartsWith("---", StringComparison.Ordinal))
            keep--;
        // Not lines[..keep]: slicing an array of a reference type checks its exact type at run time, which keeps
        // the reflection and type loader stack in every bootstrap.
        return keep == lines.Length ? lines : lines.AsSpan(0, keep).ToArray();
    }

    public void WriteJson(IBufferWriter<byte> output)
    {
        output.Append("{"u8);
        WriteMembers(output, causes: true, first: true);
        output.Append("}"u8);
    }

    /// <summary>
    /// The report's members without the braces: the body's, or Lambda's error fields on a JSON log line (which names
    /// no causes: <paramref name="causes"/> false).
    /// </summary>
    public void WriteMembers(IBufferWriter<byte> output, bool causes, bool first = false)
    {
        JsonText.Property(output, "errorMessage"u8, first);
        JsonText.String(output, ErrorMessage);
        JsonText.Property(output, "errorType"u8);
        JsonText.String(output, ErrorType);
        JsonText.Property(output, "stackTrace"u8);
        output.Append("["u8);
        for (int i = 0; i < StackTrace.Count; i++)
        {
            if (i > 0)
                output.Append(","u8);
            JsonText.String(output, StackTrace[i]);
        }
        output.Append("]"u8);
        if (!causes)
            return;
        if (Cause is not null)
        {
            JsonText.Property(output, "cause"u8);
            Cause.WriteJson(output);
        }
        if (Causes is not null)
        {
            JsonText.Property(output, "causes"u8);
            output.Append("["u8);
            for (int i = 0; i < Causes.Count; i++)
            {
                if (i > 0)
                    output.Append(","u8);
                Causes[i].WriteJson(output);
            }
            output.Append("]"u8);
        }
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
