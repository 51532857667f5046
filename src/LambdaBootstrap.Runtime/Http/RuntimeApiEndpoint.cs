namespace LambdaBootstrap.Runtime.Http;

/// <summary>The <c>host:port</c> of AWS_LAMBDA_RUNTIME_API: an IPv4 address, a bracketed IPv6 address or a name.</summary>
internal sealed record RuntimeApiEndpoint(string Host, int Port)
{
    public static RuntimeApiEndpoint Parse(string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out int port) || port is <= 0 or > 65535)
            throw new FormatException($"AWS_LAMBDA_RUNTIME_API must be host:port, got '{value}'");
        string host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        else if (host.Contains(':'))
            throw new FormatException($"AWS_LAMBDA_RUNTIME_API must be host:port (an IPv6 address in brackets), got '{value}'");
        return new RuntimeApiEndpoint(host, port);
    }

    /// <summary>The Host header value, as the request line's authority.</summary>
    public string Authority => Host.Contains(':') ? string.Concat("[", Host, "]:", Port.ToString()) : string.Concat(Host, ":", Port.ToString());

    public override string ToString() => Authority;
}
