using System.Net;
using System.Net.Sockets;
using System.Text;
using LambdaBootstrap.Runtime.Configuration;
using LambdaBootstrap.Runtime.Http;

namespace RuntimeTests;

/// <summary>The Parameters and Secrets extension's client: its request, its answers, its cache.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ParametersSecretsClientTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _requests = [];

    public ParametersSecretsClientTests() => _listener.Start();

    public void Dispose() => _listener.Stop();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Answers each request on one connection with the next of <paramref name="answers"/>, keeping the request heads.</summary>
    private async Task ServeAsync(params string[] answers)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        foreach (string answer in answers)
        {
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                int n = await stream.ReadAsync(buffer);
                Assert.True(n > 0, "the client closed the connection");
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            lock (_requests)
                _requests.Add(head.ToString());
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
        }
    }

    private static string Answer(int status, string body, string? errorType = null) =>
        $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n{(errorType is null ? "" : $"X-Amzn-ErrorType: {errorType}\r\n")}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    [Fact]
    public async Task It_asks_with_the_name_encoded_and_the_token_and_reads_the_value()
    {
        var server = ServeAsync(Answer(200, """{"Parameter":{"Name":"/app/x","Value":"v 1","Version":2},"ResultMetadata":{}}"""),
            Answer(400, """{"__type":"ParameterNotFound","message":"no"}""", "ParameterNotFound"));
        using var client = ParametersSecretsClient.FromEnvironment(name => name switch
        {
            ParametersSecretsClient.PortVariable => Port.ToString(),
            "AWS_SESSION_TOKEN" => "token-1",
            _ => null,
        });

        byte[] body = client.Get("/systemsmanager/parameters/get?withDecryption=true&name="u8, "/app/x y");
        Assert.Equal("v 1", JsonMember.String(body, "Parameter", "Value"));
        var missing = Assert.Throws<ParametersSecretsException>(() => client.Get("/secretsmanager/get?secretId="u8, "gone"));
        await server;

        Assert.Equal(400, missing.StatusCode);
        Assert.Equal("ParameterNotFound", missing.ErrorType);
        Assert.StartsWith("GET /systemsmanager/parameters/get?withDecryption=true&name=%2Fapp%2Fx%20y HTTP/1.1\r\n", _requests[0]);
        Assert.Contains("\r\nX-Aws-Parameters-Secrets-Token: token-1\r\n", _requests[0]);
        Assert.StartsWith("GET /secretsmanager/get?secretId=gone HTTP/1.1\r\n", _requests[1]);
    }

    [Fact]
    public void Without_a_session_token_or_with_a_bad_port_it_says_so()
    {
        Assert.Contains("AWS_SESSION_TOKEN", Assert.Throws<ParametersSecretsException>(() => ParametersSecretsClient.FromEnvironment(_ => null)).Message);
        Assert.Contains(ParametersSecretsClient.PortVariable, Assert.Throws<ParametersSecretsException>(() =>
            ParametersSecretsClient.FromEnvironment(n => n == ParametersSecretsClient.PortVariable ? "x" : "t")).Message);
    }

    [Fact]
    public void A_value_is_read_again_only_once_its_time_to_live_has_passed()
    {
        long now = 0;
        var cache = new ConfigurationCache(() => now);
        int reads = 0;
        string Read() => $"v{++reads}";

        Assert.Equal("v1", cache.GetOrRead("k", TimeSpan.FromSeconds(10), Read));
        now = 9_999;
        Assert.Equal("v1", cache.GetOrRead("k", TimeSpan.FromSeconds(10), Read));
        now = 10_000;
        Assert.Equal("v2", cache.GetOrRead("k", TimeSpan.FromSeconds(10), Read));
        Assert.Equal("v3", cache.GetOrRead("k", TimeSpan.Zero, Read));
        Assert.Equal("v4", cache.GetOrRead("k", TimeSpan.Zero, Read));
    }

    [Theory]
    [InlineData("""{"SecretString":"s"}""", "s")]
    [InlineData("""{"ARN":"a","Other":{"SecretString":"nested"},"SecretString":"top"}""", "top")]
    [InlineData("""{"SecretBinary":"AAE=","SecretString":null}""", null)]
    [InlineData("""[1]""", null)]
    public void A_member_is_found_at_its_path_only(string json, string? expected) =>
        Assert.Equal(expected, JsonMember.String(Encoding.UTF8.GetBytes(json), "SecretString"));
}
