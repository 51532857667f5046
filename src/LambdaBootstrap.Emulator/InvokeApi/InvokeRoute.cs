namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>The Invoke API's endpoints.</summary>
internal enum InvokeEndpoint
{
    Unknown,
    /// <summary><c>POST /2015-03-31/functions/{name}/invocations</c>: Invoke.</summary>
    Invoke,
    /// <summary><c>POST /2015-03-31/functions/{name}/response-streaming-invocations</c>: the body as it streams, plain chunks.</summary>
    RawStream,
    /// <summary><c>POST /2021-11-15/functions/{name}/response-streaming-invocations</c>: InvokeWithResponseStream, event-stream framed.</summary>
    EventStream,
}

/// <summary>
/// An invoke request's endpoint, function name and qualifier, parsed once. The name may be given as Lambda accepts
/// it: <c>name</c>, <c>name:qualifier</c>, <c>123456789012:function:name[:qualifier]</c> or the full ARN; the
/// qualifier may also come as <c>?Qualifier=</c>.
/// </summary>
internal readonly record struct InvokeRoute(InvokeEndpoint Endpoint, string FunctionName, string? Qualifier, string? Problem)
{
    public static InvokeRoute Parse(string method, string path, string? queryQualifier)
    {
        string[] segments = path.Trim('/').Split('/');
        var endpoint = segments switch
        {
            ["2015-03-31", "functions", _, "invocations"] => InvokeEndpoint.Invoke,
            ["2015-03-31", "functions", _, "response-streaming-invocations"] => InvokeEndpoint.RawStream,
            ["2021-11-15", "functions", _, "response-streaming-invocations"] => InvokeEndpoint.EventStream,
            _ => InvokeEndpoint.Unknown,
        };
        if (endpoint == InvokeEndpoint.Unknown || !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
            return new(InvokeEndpoint.Unknown, "", null, null);

        string[] parts = Uri.UnescapeDataString(segments[2]).Split(':');
        (string name, string? qualifier) = parts switch
        {
            ["arn", _, "lambda", _, _, "function", var n] => (n, (string?)null),
            ["arn", _, "lambda", _, _, "function", var n, var q] => (n, q),
            [_, "function", var n] => (n, null),
            [_, "function", var n, var q] => (n, q),
            [var n] => (n, null),
            [var n, var q] => (n, q),
            _ => (string.Join(':', parts), null),
        };
        string? problem = null;
        if (qualifier is not null && queryQualifier is { Length: > 0 } && queryQualifier != qualifier)
            problem = "The derived qualifier from the function name does not match the specified qualifier.";
        qualifier ??= queryQualifier is { Length: > 0 } ? queryQualifier : null;
        if (qualifier is not null && !IsQualifier(qualifier))
            problem = $"1 validation error detected: Value '{qualifier}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)";
        return new(endpoint, name, qualifier, problem);
    }

    private static bool IsQualifier(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-');
}
