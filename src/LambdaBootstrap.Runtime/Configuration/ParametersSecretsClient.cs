using System.Text;
using LambdaBootstrap.Runtime.Http;

namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>
/// The AWS Parameters and Secrets Lambda Extension's HTTP API on loopback, over the runtime's own HTTP client: one
/// keep-alive connection, each request carrying <c>X-Aws-Parameters-Secrets-Token</c> (the function's
/// AWS_SESSION_TOKEN). Made on first use, so a function that reads no configuration pays nothing for it.
/// </summary>
internal sealed class ParametersSecretsClient : IDisposable
{
    public const int DefaultPort = 2773;
    public const string PortVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

    private static readonly Lazy<ParametersSecretsClient> s_shared = new(() => FromEnvironment(Environment.GetEnvironmentVariable));

    private readonly HttpConnection _connection;
    private readonly string _token;
    private readonly Lock _lock = new();

    internal ParametersSecretsClient(RuntimeApiEndpoint endpoint, string token)
    {
        _connection = new HttpConnection(endpoint, LambdaRuntime.UserAgent, TimeSpan.FromSeconds(1));
        _token = token;
    }

    /// <summary>The client of this process, on the port and with the token of its environment.</summary>
    public static ParametersSecretsClient Shared => s_shared.Value;

    internal static ParametersSecretsClient FromEnvironment(Func<string, string?> variable)
    {
        int port = DefaultPort;
        if (variable(PortVariable) is { Length: > 0 } text && !(int.TryParse(text, out port) && port is > 0 and <= 65535))
            throw new ParametersSecretsException(0, null, $"{PortVariable} must be a port number, not '{text}'");
        string token = variable("AWS_SESSION_TOKEN") ?? throw new ParametersSecretsException(0, null,
            "AWS_SESSION_TOKEN is not set: the Parameters and Secrets extension needs it as X-Aws-Parameters-Secrets-Token");
        return new ParametersSecretsClient(new RuntimeApiEndpoint("localhost", port), token);
    }

    /// <summary>
    /// <c>GET {prefix}{value}</c>, the value percent-encoded, and the body of a 200 answer. Anything else is a
    /// <see cref="ParametersSecretsException"/> with the status, the error type and the body.
    /// </summary>
    public byte[] Get(ReadOnlySpan<byte> prefix, string value)
    {
        lock (_lock)
        {
            _connection.Request.StartPath("GET"u8, prefix).PathSegment(value).EndPath(default)
                .Header("X-Aws-Parameters-Secrets-Token"u8, _token)
                .EndHead(null);
            var errorType = new ErrorType();
            var head = _connection.Exchange(default, errorType);
            byte[] body = _connection.ReadBody(head).ToArray();
            if (head.StatusCode != 200)
                throw new ParametersSecretsException(head.StatusCode, errorType.Value,
                    $"the Parameters and Secrets extension answered {head.StatusCode}{(errorType.Value is null ? "" : $" {errorType.Value}")}: {Encoding.UTF8.GetString(body)}");
            return body;
        }
    }

    public void Dispose() => _connection.Dispose();

    private sealed class ErrorType : IHttpHeaderSink
    {
        public string? Value;

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            if (Ascii.EqualsIgnoreCase(name, "X-Amzn-ErrorType"u8) && !value.IsEmpty)
                Value = Encoding.UTF8.GetString(value);
        }
    }
}
