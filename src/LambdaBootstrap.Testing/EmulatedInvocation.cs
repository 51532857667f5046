using System.Text;

namespace LambdaBootstrap.Testing;

/// <summary>One invocation of an <see cref="EmulatedFunction"/>, as Lambda's Invoke API would report it.</summary>
/// <param name="RequestId">The invocation's request id.</param>
/// <param name="FunctionError">Null on success; otherwise the error type the function (or the emulator, for a timeout or a crash) reported.</param>
/// <param name="Body">The response payload, or the error JSON when <paramref name="FunctionError"/> is set.</param>
/// <param name="DurationMs">The REPORT line's Duration.</param>
/// <param name="InitDurationMs">The REPORT line's Init Duration: set only on a cold start.</param>
public sealed record EmulatedInvocation(string RequestId, string? FunctionError, byte[] Body, double DurationMs, double? InitDurationMs)
{
    /// <summary>True when the invocation failed (Lambda's <c>X-Amz-Function-Error: Unhandled</c>).</summary>
    public bool IsError => FunctionError is not null;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>True when this invocation started a new process (its REPORT line has an Init Duration).</summary>
    public bool ColdStart => InitDurationMs is not null;
}
