using System.Globalization;

namespace LambdaBootstrap.Testing;

/// <summary>An invocation as the Runtime API hands it out on <c>/next</c>: the event and the <c>Lambda-Runtime-*</c> headers.</summary>
internal sealed record PendingInvocation(
    string RequestId,
    byte[] Event,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? Identity,
    string? TenantId)
{
    public IEnumerable<(string Name, string Value)> Headers()
    {
        yield return ("Lambda-Runtime-Aws-Request-Id", RequestId);
        yield return ("Lambda-Runtime-Deadline-Ms", Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        yield return ("Lambda-Runtime-Invoked-Function-Arn", InvokedFunctionArn);
        if (TraceId is not null)
            yield return ("Lambda-Runtime-Trace-Id", OneLine(TraceId));
        if (ClientContext is not null)
            yield return ("Lambda-Runtime-Client-Context", OneLine(ClientContext));
        if (Identity is not null)
            yield return ("Lambda-Runtime-Cognito-Identity", OneLine(Identity));
        if (TenantId is not null)
            yield return ("Lambda-Runtime-Aws-Tenant-Id", OneLine(TenantId));
    }

    // A header is one line; line breaks between JSON tokens are only whitespace.
    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ');
}
