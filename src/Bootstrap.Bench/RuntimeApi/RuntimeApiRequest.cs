namespace Bootstrap.Bench.RuntimeApi;

/// <summary>One request a bootstrap sent, and when its last byte arrived (CLOCK_MONOTONIC ns).</summary>
public sealed record RuntimeApiRequest(string Method, string Path, byte[] Body, long ReceivedAtNs)
{
    public const string NextPath = "/2018-06-01/runtime/invocation/next";
    public const string InitErrorPath = "/2018-06-01/runtime/init/error";
    private const string InvocationPrefix = "/2018-06-01/runtime/invocation/";

    public bool IsNext => Method == "GET" && Path == NextPath;
    public bool IsInitError => Method == "POST" && Path == InitErrorPath;
    public bool IsResponseFor(string requestId) => Method == "POST" && Path == $"{InvocationPrefix}{requestId}/response";
    public bool IsErrorFor(string requestId) => Method == "POST" && Path == $"{InvocationPrefix}{requestId}/error";

    public string BodyText(int max = 1000)
    {
        string text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max));
        return Body.Length > max ? text + "..." : text;
    }

    public override string ToString() => $"{Method} {Path}";
}
