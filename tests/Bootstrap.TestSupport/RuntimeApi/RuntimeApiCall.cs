namespace Bootstrap.TestSupport.RuntimeApi;

/// <summary>Every call a bootstrap makes to the Runtime API and the Extensions API, as the scripted Runtime API tells them apart.</summary>
public enum RuntimeApiCall
{
    Next,
    Response,
    Error,
    StreamedResponse,
    InitError,
    ExtensionRegister,
    ExtensionEventNext,
    Unknown,
}

public static class RuntimeApiCalls
{
    private const string InvocationPrefix = "/2018-06-01/runtime/invocation/";

    /// <summary>Which call a request is, and the request id in its path for the replies.</summary>
    public static (RuntimeApiCall Call, string? RequestId) Classify(RawHttp.RawRequest request)
    {
        string path = request.Path;
        if (request.Method == "GET" && path == InvocationPrefix + "next")
            return (RuntimeApiCall.Next, null);
        if (request.Method == "POST" && path == "/2018-06-01/runtime/init/error")
            return (RuntimeApiCall.InitError, null);
        if (request.Method == "POST" && path == "/2020-01-01/extension/register")
            return (RuntimeApiCall.ExtensionRegister, null);
        if (request.Method == "GET" && path == "/2020-01-01/extension/event/next")
            return (RuntimeApiCall.ExtensionEventNext, null);
        if (request.Method == "POST" && path.StartsWith(InvocationPrefix, StringComparison.Ordinal))
        {
            string rest = path[InvocationPrefix.Length..];
            int slash = rest.IndexOf('/');
            if (slash > 0)
            {
                string id = Uri.UnescapeDataString(rest[..slash]);
                bool streamed = request.Header("Lambda-Runtime-Function-Response-Mode") == "streaming";
                switch (rest[(slash + 1)..])
                {
                    case "response":
                        return (streamed ? RuntimeApiCall.StreamedResponse : RuntimeApiCall.Response, id);
                    case "error":
                        return (RuntimeApiCall.Error, id);
                }
            }
        }
        return (RuntimeApiCall.Unknown, null);
    }
}
