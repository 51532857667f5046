using LambdaBootstrap.Emulator.Extensions;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>The Runtime API endpoints.</summary>
internal enum RuntimeApiEndpoint
{
    Unknown,
    Next,
    InitError,
    Response,
    Error,
    /// <summary>Anything under the Extensions API's prefix; <see cref="ExtensionsApi"/> routes it further.</summary>
    Extensions,
    /// <summary>The Telemetry API's subscribe; <see cref="TelemetryApi"/> answers it.</summary>
    Telemetry,
}

/// <summary>A request's endpoint and, for a reply, its request id: parsed once, from the method and path.</summary>
internal readonly record struct RuntimeApiRoute(RuntimeApiEndpoint Endpoint, string RequestId = "")
{
    private const string InvocationPrefix = RuntimeApiServer.ApiVersion + "/runtime/invocation/";

    public bool IsReply => Endpoint is RuntimeApiEndpoint.Response or RuntimeApiEndpoint.Error;

    public static RuntimeApiRoute Parse(string method, string path)
    {
        bool get = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        bool post = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
        if (path.StartsWith(ExtensionsApi.Prefix, StringComparison.Ordinal))
            return new(RuntimeApiEndpoint.Extensions);
        if (path is TelemetryApi.Path or TelemetryApi.Path + "/")
            return new(RuntimeApiEndpoint.Telemetry);
        if (post && path == RuntimeApiServer.ApiVersion + "/runtime/init/error")
            return new(RuntimeApiEndpoint.InitError);
        if (!path.StartsWith(InvocationPrefix, StringComparison.Ordinal))
            return new(RuntimeApiEndpoint.Unknown);
        string rest = path[InvocationPrefix.Length..];
        if (rest == "next")
            return new(get ? RuntimeApiEndpoint.Next : RuntimeApiEndpoint.Unknown);
        int slash = rest.IndexOf('/');
        if (!post || slash <= 0)
            return new(RuntimeApiEndpoint.Unknown);
        string requestId = Uri.UnescapeDataString(rest[..slash]);
        return rest[(slash + 1)..] switch
        {
            "response" => new(RuntimeApiEndpoint.Response, requestId),
            "error" => new(RuntimeApiEndpoint.Error, requestId),
            _ => new(RuntimeApiEndpoint.Unknown),
        };
    }
}
