using System.Buffers.Text;
using System.Text;
using LambdaBootstrap.Runtime.Http;

namespace LambdaBootstrap.Runtime;

/// <summary>The Lambda-Runtime-* headers of a <c>/next</c> response, matched case-insensitively. Reset before each response.</summary>
internal sealed class InvocationHeaders : IHttpHeaderSink
{
    public string? RequestId;
    public long? DeadlineMs;
    public string? InvokedFunctionArn;
    public string? TraceId;
    public string? ClientContext;
    public string? CognitoIdentity;
    public string? TenantId;
    public string? InvocationId;
    /// <summary>Lambda-Runtime-Function-Error-Type on an error response from the API itself, for its log message.</summary>
    public string? ErrorType;

    // The ARN is the same on every invocation: keep one string rather than make a new one each time.
    private string? _lastArn;

    public void Reset()
    {
        RequestId = InvokedFunctionArn = TraceId = ClientContext = CognitoIdentity = TenantId = InvocationId = ErrorType = null;
        DeadlineMs = null;
    }

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        // Every header we want starts with "Lambda-Runtime-"; anything else is one cheap comparison.
        if (name.Length <= 15 || !Ascii.EqualsIgnoreCase(name[..15], "Lambda-Runtime-"u8))
            return;
        var rest = name[15..];
        if (Ascii.EqualsIgnoreCase(rest, "Aws-Request-Id"u8))
            RequestId = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Deadline-Ms"u8))
            DeadlineMs = Utf8Parser.TryParse(value, out long ms, out int used) && used == value.Length ? ms : null;
        else if (Ascii.EqualsIgnoreCase(rest, "Invoked-Function-Arn"u8))
            InvokedFunctionArn = _lastArn is not null && Ascii.Equals(value, _lastArn) ? _lastArn : _lastArn = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Trace-Id"u8))
            TraceId = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Client-Context"u8))
            ClientContext = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Cognito-Identity"u8))
            CognitoIdentity = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Aws-Tenant-Id"u8))
            TenantId = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Invocation-Id"u8))
            InvocationId = Text(value);
        else if (Ascii.EqualsIgnoreCase(rest, "Function-Error-Type"u8))
            ErrorType = Text(value);
    }

    // An empty header is as good as a missing one.
    private static string? Text(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Encoding.UTF8.GetString(value);
}
