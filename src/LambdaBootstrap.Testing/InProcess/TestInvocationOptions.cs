namespace LambdaBootstrap.Testing;

/// <summary>
/// What Lambda tells the function about one invocation, beyond its event: each value reaches the handler's
/// <c>ILambdaContext</c> through the same <c>/next</c> headers the runtime reads on Lambda. Unset values get defaults.
/// </summary>
public sealed class TestInvocationOptions
{
    /// <summary>The request id; a new GUID when null.</summary>
    public string? RequestId { get; init; }

    /// <summary>The time the invocation has (its deadline is now plus this); the host's <see cref="LambdaTestHostOptions.Timeout"/> when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The ARN the caller invoked; the function's unqualified ARN when null.</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray trace header (<c>Root=1-…;Parent=…;Sampled=1</c>); none when null.</summary>
    public string? TraceId { get; init; }

    /// <summary>The mobile client context, as the JSON Lambda passes (<c>{"client": {...}, "custom": {...}, "env": {...}}</c>); none when null.</summary>
    public string? ClientContext { get; init; }

    /// <summary>The Amazon Cognito identity, as the JSON Lambda passes (<c>{"cognitoIdentityId": "...", "cognitoIdentityPoolId": "..."}</c>); none when null.</summary>
    public string? Identity { get; init; }

    /// <summary>The tenant id of a function with tenant isolation; none when null.</summary>
    public string? TenantId { get; init; }
}
